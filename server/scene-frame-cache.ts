/** Drawn JPEG frames of shared scenes, by scene-relative frame, kept between renders of one worker. */
export interface SceneFrameCache {
	get(key: string): ReadonlyMap<number, Buffer> | undefined;
	set(key: string, frames: ReadonlyMap<number, Buffer>): void;
}

/**
 * Least recently used entries go first once the frames held pass `maxBytes`, so a worker serving many brands keeps a
 * fixed amount of memory for this.
 */
export const makeSceneFrameCache = ({maxBytes}: {maxBytes: number}): SceneFrameCache => {
	const entries = new Map<string, {frames: ReadonlyMap<number, Buffer>; bytes: number}>();
	let held = 0;
	return {
		get(key) {
			const entry = entries.get(key);
			if (!entry) return undefined;
			entries.delete(key);
			entries.set(key, entry);
			return entry.frames;
		},
		set(key, frames) {
			const bytes = [...frames.values()].reduce((sum, buffer) => sum + buffer.length, 0);
			if (bytes > maxBytes) return;
			const previous = entries.get(key);
			if (previous) held -= previous.bytes;
			entries.delete(key);
			entries.set(key, {frames, bytes});
			held += bytes;
			for (const [oldest, entry] of entries) {
				if (held <= maxBytes) break;
				entries.delete(oldest);
				held -= entry.bytes;
			}
		},
	};
};
