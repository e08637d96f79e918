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

/**
 * The cues of a WebVTT file, enough to caption the live player (which has no <track>). A cue's text is its lines up to
 * the blank line that ends it: the file's last line break is none of it, or the last cue would not read as the same
 * text as the player's own cue (a paid bill's captions keep only the cues it also says).
 */
export const parseVtt = (text: string): Cue[] =>
	text
		.replace(/\r\n?/g, '\n')
		.split(/\n\n+/)
		.flatMap((block) => {
			const lines = block.split('\n');
			const at = lines.findIndex((line) => line.includes('-->'));
			if (at === -1) return [];
			const [from, to] = lines[at]!.split('-->') as [string, string];
			const cueLines = lines.slice(at + 1).join('\n').replace(/\n+$/, '');
			return [{start: seconds(from), end: seconds(to.trim().split(/\s+/)[0]!), text: cueTextShown(cueLines)}];
		});

export const cueAt = (cues: readonly Cue[], time: number): Cue | undefined =>
	cues.find((cue) => time >= cue.start && time < cue.end);
