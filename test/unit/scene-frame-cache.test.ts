import {describe, expect, it} from 'vitest';
import {makeSceneFrameCache} from '../../server/worker/scene-frame-cache';

const frames = (bytes: number) => new Map([[0, Buffer.alloc(bytes)]]);

describe('the scene frame cache', () => {
	it('drops the least recently used scenes once the bytes held pass the limit', () => {
		const cache = makeSceneFrameCache({maxBytes: 100});
		cache.set('a', frames(40));
		cache.set('b', frames(40));
		expect(cache.get('a')).toBeDefined();
		cache.set('c', frames(40));
		expect(cache.get('b')).toBeUndefined();
		expect(cache.get('a')?.get(0)?.length).toBe(40);
		expect(cache.get('c')?.get(0)?.length).toBe(40);
	});

	it('keeps no scene larger than the whole cache, and keeps an empty one', () => {
		const cache = makeSceneFrameCache({maxBytes: 100});
		cache.set('huge', frames(101));
		expect(cache.get('huge')).toBeUndefined();
		cache.set('empty', new Map());
		expect(cache.get('empty')?.size).toBe(0);
	});
});
