import {LRUCache} from 'lru-cache';

/** Drawn JPEG frames of shared scenes, by scene-relative frame, kept between renders of one worker. */
export interface SceneFrameCache {
	get(key: string): ReadonlyMap<number, Buffer> | undefined;
	set(key: string, frames: ReadonlyMap<number, Buffer>): void;
}

/**
 * Least recently used entries go first once the frames held pass `maxBytes`, so a worker serving many brands keeps a
 * fixed amount of memory for this; a scene larger than all of it is not kept.
 */
export const makeSceneFrameCache = ({maxBytes}: {maxBytes: number}): SceneFrameCache =>
	new LRUCache<string, ReadonlyMap<number, Buffer>>({
		maxSize: maxBytes,
		// lru-cache wants a positive size, and an empty scene still takes an entry.
		sizeCalculation: (frames) => Math.max(1, [...frames.values()].reduce((sum, buffer) => sum + buffer.length, 0)),
	});
