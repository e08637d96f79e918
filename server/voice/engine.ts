import {spawn} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import {delimiter, join} from 'node:path';
import {ownGroupSpawnOptions} from '../platform/processes';
import {SpeechSynthesisError} from './errors';

/** A voice an engine offers, the languages it speaks and the Debian package that installs it. */
export interface VoiceInfo {
	readonly id: string;
	/** BCP 47 language subtags ("en", "it", "ko") this voice reads. */
	readonly languages: readonly string[];
	readonly debianPackage: string;
}

/**
 * A speech engine: anything that turns sentences into WAVs, one per sentence. Local engines run a program; a cloud
 * engine (Polly, Azure, Google) is one more implementation whose `synthesizeSentences` calls its API per sentence and
 * wraps the PCM in a WAV. Sentences come in a batch so an engine with a slow start (Festival loading a voice) starts once.
 */
export interface SpeechEngine {
	readonly id: string;
	/** Part of every cache key: a new engine or voice build must not reuse old audio. */
	readonly version: string;
	readonly voices: readonly VoiceInfo[];
	/** Whether the voice can speak here, without running the engine. */
	readonly isInstalled: (voice: string) => boolean;
	/** Throws MissingVoicePackageError naming the Debian package when the program or the voice is missing. */
	readonly synthesizeSentences: (request: {texts: readonly string[]; voice: string; locale: string}) => Promise<Buffer[]>;
}

/** Whether a program runs: a path is checked as given, a bare name is looked up on PATH like a shell does. */
export const hasProgram = (program: string): boolean => {
	const candidates = program.includes('/') ? [program] : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, program));
	return candidates.some((candidate) => {
		try {
			accessSync(candidate, constants.X_OK);
			return true;
		} catch {
			return false;
		}
	});
};

/** Runs an engine with its input on stdin and returns what it writes to stdout. */
export const runEngine = ({engine, program, args, input}: {engine: string; program: string; args: readonly string[]; input: Buffer}): Promise<Buffer> =>
	new Promise((resolve, reject) => {
		// In the worker's group, a terminal's Ctrl-C meant for the worker failed the narration it was making. Its input is
		// written whole, so a killed worker's closed stdout ends it.
		const child = spawn(program, args, {stdio: ['pipe', 'pipe', 'pipe'], ...ownGroupSpawnOptions()});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
		child.on('error', (error) => reject(new SpeechSynthesisError(engine, error.message)));
		child.on('close', (code) => {
			const stderr = Buffer.concat(err).toString('utf8').trim();
			// Festival reports a Scheme error on stderr yet exits 0, so its words count as a failure too.
			if (code !== 0 || /SIOD ERROR/.test(stderr)) reject(new SpeechSynthesisError(engine, stderr || `exit code ${code}`));
			else resolve(Buffer.concat(out));
		});
		child.stdin.end(input);
	});
