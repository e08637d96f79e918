import {z} from 'zod';
import {allSceneIds} from '../templates/registry';
import type {VideoNarration} from './speech-timing';

const sentenceTimingSchema = z.object({text: z.string(), startMs: z.number().nonnegative(), endMs: z.number().nonnegative()});

/**
 * A speaking video's narration as the watch data carries it to the player: the track's URL and the measured speech
 * that sizes the same timeline the MP4 was rendered with.
 */
export const videoNarrationSchema = z.object({
	audioSrc: z.string(),
	speech: z.array(z.object({sceneId: z.enum(allSceneIds), durationMs: z.number().nonnegative(), sentences: z.array(sentenceTimingSchema).readonly()})).readonly(),
}) satisfies z.ZodType<VideoNarration>;
