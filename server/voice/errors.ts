import {BillcastError} from '../platform/errors';

/**
 * A voice a locale or tenant asked for cannot speak on this machine; the message names the Debian package to install.
 * A failed render stores its code and message, so the tenant reads what the operator must install.
 */
export class MissingVoicePackageError extends BillcastError {
	constructor(
		readonly debianPackage: string,
		readonly engine: string,
		readonly voice: string,
	) {
		super(
			'voice_package_missing',
			500,
			'A voice package is missing',
			`The ${engine} voice "${voice}" is not installed: install the Debian package ${debianPackage} ` +
				`(apt-get install -y ${debianPackage}, or npm run setup as root).`,
		);
	}
}

/** An installed engine ran and failed on a sentence. */
export class SpeechSynthesisError extends BillcastError {
	constructor(
		readonly engine: string,
		message: string,
	) {
		super('speech_failed', 500, 'The narration could not be synthesized', `${engine} could not synthesize the narration: ${message}`);
	}
}

/** ffmpeg could not make the narration track. */
export class AudioMixError extends BillcastError {
	constructor(message: string) {
		super('audio_mix_failed', 500, 'The narration could not be mixed', `The narration track could not be mixed: ${message}`);
	}
}
