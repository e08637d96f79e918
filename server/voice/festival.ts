import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {hasProgram, runEngine, type SpeechEngine, type VoiceInfo} from './engine';
import {MissingVoicePackageError} from './errors';

interface FestivalVoice extends VoiceInfo {
	/** Folder under Festival's voices directory. */
	readonly dir: string;
}

/** Festival voices Debian packages, best first per language. */
export const festivalVoices: readonly FestivalVoice[] = [
	{id: 'cmu_us_slt_arctic_hts', languages: ['en'], debianPackage: 'festvox-us-slt-hts', dir: 'us/cmu_us_slt_arctic_hts'},
	{id: 'lp_diphone', languages: ['it'], debianPackage: 'festvox-italp16k', dir: 'italian/lp_diphone'},
	{id: 'pc_diphone', languages: ['it'], debianPackage: 'festvox-itapc16k', dir: 'italian/pc_diphone'},
];

/**
 * Festival reads its input as Latin-1 (the Italian voices' letters are in it); typographic quotes become plain ones
 * and anything else outside Latin-1 becomes a space rather than mojibake the voice would spell out.
 */
const latin1 = (text: string): Buffer =>
	Buffer.from(
		text
			.normalize('NFC')
			.replace(/[‘’]/gu, "'")
			.replace(/[“”]/gu, '"')
			.replace(/[^\u0000-\u00ff]/gu, ' '),
		'latin1',
	);

export const festivalEngine = ({
	text2wave = 'text2wave',
	voicesDir = '/usr/share/festival/voices',
}: {text2wave?: string; voicesDir?: string} = {}): SpeechEngine => {
	const find = (voice: string) => festivalVoices.find((known) => known.id === voice);
	const isInstalled = (voice: string) => {
		const known = find(voice);
		return known !== undefined && hasProgram(text2wave) && existsSync(join(voicesDir, known.dir));
	};
	return {
		id: 'festival',
		version: 'festival-2.5',
		voices: festivalVoices,
		isInstalled,
		synthesizeSentence: async ({text, voice}) => {
			const known = find(voice);
			if (!hasProgram(text2wave)) throw new MissingVoicePackageError('festival', 'festival', voice);
			if (!known || !existsSync(join(voicesDir, known.dir))) {
				throw new MissingVoicePackageError(known?.debianPackage ?? 'a festvox-* voice package', 'festival', voice);
			}
			return runEngine({engine: 'festival', program: text2wave, args: ['-eval', `(voice_${known.id})`, '-o', '-'], input: latin1(text)});
		},
	};
};
