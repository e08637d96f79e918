import {hasProgram, runEngine, type SpeechEngine, type VoiceInfo} from './engine';
import {MissingVoicePackageError} from './errors';

/** The espeak-ng voices the narration languages use; espeak-ng-data ships them with the program. */
const espeakVoices: readonly VoiceInfo[] = [
	{id: 'en-gb', languages: ['en'], debianPackage: 'espeak-ng'},
	{id: 'it', languages: ['it'], debianPackage: 'espeak-ng'},
	{id: 'ko', languages: ['ko'], debianPackage: 'espeak-ng'},
];

/** Words per minute: a little under espeak-ng's 175, for amounts a listener has to take in. */
const RATE = 160;

export const espeakNgEngine = ({program = 'espeak-ng'}: {program?: string} = {}): SpeechEngine => ({
	id: 'espeak-ng',
	version: 'espeak-ng-1.51',
	voices: espeakVoices,
	isInstalled: () => hasProgram(program),
	synthesizeSentences: async ({texts, voice}) => {
		if (!hasProgram(program)) throw new MissingVoicePackageError('espeak-ng', 'espeak-ng', voice);
		// espeak-ng starts in milliseconds, so one run a sentence keeps each sentence's WAV separate at no real cost.
		const wavs: Buffer[] = [];
		for (const text of texts) {
			wavs.push(await runEngine({engine: 'espeak-ng', program, args: ['-v', voice, '-s', String(RATE), '--stdout'], input: Buffer.from(text, 'utf8')}));
		}
		return wavs;
	},
});
