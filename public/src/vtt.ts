import {cueTextShown} from '../../src/captions';

export interface Cue {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

const seconds = (stamp: string): number =>
	stamp
		.trim()
		.split(':')
		.reduce((total, part) => total * 60 + Number.parseFloat(part), 0);

/** The cues of a WebVTT file, enough to caption the live player (which has no <track>). */
export const parseVtt = (text: string): Cue[] =>
	text
		.replace(/\r/g, '')
		.split(/\n\n+/)
		.flatMap((block) => {
			const lines = block.split('\n');
			const at = lines.findIndex((line) => line.includes('-->'));
			if (at === -1) return [];
			const [from, to] = lines[at]!.split('-->') as [string, string];
			return [{start: seconds(from), end: seconds(to.trim().split(/\s+/)[0]!), text: cueTextShown(lines.slice(at + 1).join('\n'))}];
		});

export const cueAt = (cues: readonly Cue[], time: number): Cue | undefined =>
	cues.find((cue) => time >= cue.start && time < cue.end);
