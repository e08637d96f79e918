/** A voice a locale or tenant asked for cannot speak on this machine; the message names the Debian package to install. */
export class MissingVoicePackageError extends Error {
	constructor(
		readonly debianPackage: string,
		readonly engine: string,
		readonly voice: string,
	) {
		super(
			`The ${engine} voice "${voice}" is not installed: install the Debian package ${debianPackage} ` +
				`(apt-get install -y ${debianPackage}, or npm run setup as root).`,
		);
		this.name = 'MissingVoicePackageError';
	}
}

/** An installed engine ran and failed on a sentence. */
export class SpeechSynthesisError extends Error {
	constructor(
		readonly engine: string,
		message: string,
	) {
		super(`${engine} could not synthesize the narration: ${message}`);
		this.name = 'SpeechSynthesisError';
	}
}

/** ffmpeg could not make the narration track. */
export class AudioMixError extends Error {
	constructor(message: string) {
		super(`The narration track could not be mixed: ${message}`);
		this.name = 'AudioMixError';
	}
}
