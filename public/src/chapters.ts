import {chapterCues} from '../../src/captions';
import {chaptersOf} from '../../src/templates/chapters';
import type {TemplateId} from '../../src/templates/registry';
import type {Timeline} from '../../src/timeline';

/** One scene of the video as a chapter the viewer can go to. */
export interface Chapter {
	readonly name: string;
	readonly from: number;
	readonly to: number;
	/** Its first frame once settled (its text drawn, its buttons live): where a paused video shows it. */
	readonly settled: number;
}

/**
 * The chapters of the timeline the player plays, named and timed as chapters.vtt names and times them (`chapterCues`,
 * the worker's rule), so the menu and the MP4's chapters track list the same ones.
 */
export const chaptersIn = ({timeline, template, locale}: {timeline: Timeline; template: TemplateId; locale: string}): Chapter[] =>
	chapterCues({timeline, chapters: chaptersOf(template, locale)}).map((cue) => ({
		name: cue.text,
		from: cue.from,
		to: cue.to,
		settled: timeline.staticHolds.find((hold) => hold.from >= cue.from && hold.from < cue.to)?.from ?? cue.from,
	}));

/** The index of the chapter a frame is in (the first before the first chapter starts). */
export const chapterAt = (chapters: readonly Chapter[], frame: number): number =>
	Math.max(0, chapters.findLastIndex((chapter) => chapter.from <= frame));
