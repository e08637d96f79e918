import {createHash, randomBytes} from 'node:crypto';
import {LRUCache} from 'lru-cache';

/**
 * Watch pages by everything they are built from except the CSP nonce. Building one recomputes the video's whole
 * timeline and formats every amount and date: about 2 ms of CPU, most of what a view cost with 200 viewers at once
 * (`bench/watch-load.ts`), yet the views of one render's page differ only by their nonce. So a page is built once with
 * a placeholder nonce, and each view gets its own written in.
 */
export const makeWatchPageCache = ({max = 1000, ttlMs = 60_000}: {max?: number; ttlMs?: number} = {}) => {
	// Hex from this process's own randomness: no bill text can know it, and no real nonce (base64) looks like it.
	const placeholder = randomBytes(16).toString('hex');
	const pages = new LRUCache<string, string>({max, ttl: ttlMs});
	return {
		page: ({inputs, nonce, build}: {inputs: unknown; nonce: string; build: (nonce: string) => string}): string => {
			const key = createHash('sha256').update(JSON.stringify(inputs)).digest('base64');
			let page = pages.get(key);
			if (page === undefined) {
				page = build(placeholder);
				pages.set(key, page);
			}
			return page.replaceAll(placeholder, nonce);
		},
	};
};
