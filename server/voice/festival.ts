import {existsSync} from 'node:fs';
import {readFile, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {hasProgram, runEngine, type SpeechEngine, type VoiceInfo} from './engine';
import {MissingVoicePackageError} from './errors';
import {makeWorkDir} from '../storage/work-dirs';

interface FestivalVoice extends VoiceInfo {
	/** Folder under Festival's voices directory. */
	readonly dir: string;
}

/** Festival voices Debian packages, best first per language. */
const festivalVoices: readonly FestivalVoice[] = [
	{id: 'cmu_us_slt_arctic_hts', languages: ['en'], debianPackage: 'festvox-us-slt-hts', dir: 'us/cmu_us_slt_arctic_hts'},
	{id: 'lp_diphone', languages: ['it'], debianPackage: 'festvox-italp16k', dir: 'italian/lp_diphone'},
	{id: 'pc_diphone', languages: ['it'], debianPackage: 'festvox-itapc16k', dir: 'italian/pc_diphone'},
];

/**
 * Festival reads its input as Latin-1 (the Italian voices' letters are in it); typographic quotes become plain ones
 * and anything else outside Latin-1 becomes a space rather than mojibake the voice would spell out.
 */
const latin1 = (text: string): string =>
	text
		.normalize('NFC')
		.replace(/[‘’]/gu, "'")
		.replace(/[“”]/gu, '"')
		.replace(/[^\u0000-\u00ff]/gu, ' ');

const schemeString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Festival through its Scheme interpreter: one process loads the voice once and saves each sentence's utterance as its
 * own WAV (one text2wave a sentence spent most of its CPU loading the HTS voice again).
 */
export const festivalEngine = ({
	festival = 'festival',
	voicesDir = '/usr/share/festival/voices',
}: {festival?: string; voicesDir?: string} = {}): SpeechEngine => {
	const find = (voice: string) => festivalVoices.find((known) => known.id === voice);
	const isInstalled = (voice: string) => {
		const known = find(voice);
		return known !== undefined && hasProgram(festival) && existsSync(join(voicesDir, known.dir));
	};
	return {
		id: 'festival',
		version: 'festival-2.5',
		voices: festivalVoices,
		isInstalled,
		synthesizeSentences: async ({texts, voice}) => {
			const known = find(voice);
			if (!hasProgram(festival)) throw new MissingVoicePackageError('festival', 'festival', voice);
			if (!known || !existsSync(join(voicesDir, known.dir))) {
				throw new MissingVoicePackageError(known?.debianPackage ?? 'a festvox-* voice package', 'festival', voice);
			}
			const dir = await makeWorkDir('festival');
			try {
				const files = texts.map((_, index) => join(dir, `${index}.wav`));
				const script = [
					`(voice_${known.id})`,
					...texts.map((text, index) => `(utt.save.wave (utt.synth (Utterance Text ${schemeString(latin1(text))})) ${schemeString(files[index]!)} 'riff)`),
				].join('\n');
				await runEngine({engine: 'festival', program: festival, args: ['--pipe'], input: Buffer.from(script, 'latin1')});
				return await Promise.all(files.map((file) => readFile(file)));
			} finally {
				await rm(dir, {recursive: true, force: true});
			}
		},
	};
};
