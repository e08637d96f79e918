import {describe, expect, it} from 'vitest';
import {makeWatchPageCache} from '../../server/watch/watch-page-cache';

describe('watch page cache', () => {
	const page = (nonce: string, name: string) => `<style nonce="${nonce}"></style><p>${name}</p><script nonce="${nonce}"></script>`;

	it('builds a page once per inputs and writes each view its own nonce', () => {
		const cache = makeWatchPageCache();
		let builds = 0;
		const view = (nonce: string, name: string) =>
			cache.page({inputs: {name}, nonce, build: (slot) => (builds++, page(slot, name))});
		expect(view('n1+/=', 'Ada')).toBe(page('n1+/=', 'Ada'));
		expect(view('n2', 'Ada')).toBe(page('n2', 'Ada'));
		expect(builds).toBe(1);
		expect(view('n3', 'Grace')).toBe(page('n3', 'Grace'));
		expect(builds).toBe(2);
	});
});
