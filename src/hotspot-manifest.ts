import {z} from 'zod';

export const hotspotKinds = ['pay', 'instalments', 'call', 'mail', 'bill-pdf'] as const;

const rectSchema = z.object({x: z.number(), y: z.number(), width: z.number(), height: z.number()});

/**
 * The hotspot manifest written beside every MP4 and read by the player to draw its buttons over the video: declared
 * once here so the worker that writes it and the player that reads it agree.
 */
export const hotspotManifestSchema = z.object({
	fps: z.number(),
	width: z.number().int(),
	height: z.number().int(),
	durationInFrames: z.number().int(),
	hotspots: z.array(
		z.object({
			id: z.string(),
			kind: z.enum(hotspotKinds),
			from: z.number().int(),
			durationInFrames: z.number().int(),
			rect: rectSchema,
			label: z.string(),
			href: z.string(),
		}),
	),
});
export type HotspotManifest = z.infer<typeof hotspotManifestSchema>;

/** The manifest of a timeline; typed by its fields rather than `Timeline`, which takes its hotspot kinds from here. */
export const hotspotManifestOf = (
	timeline: Omit<HotspotManifest, 'hotspots'> & {readonly hotspots: readonly HotspotManifest['hotspots'][number][]},
): HotspotManifest => ({
	fps: timeline.fps,
	width: timeline.width,
	height: timeline.height,
	durationInFrames: timeline.durationInFrames,
	hotspots: [...timeline.hotspots],
});
