import {afterAll, beforeAll, inject} from 'vitest';
import {startTestStack, type TestStack} from './test-stack';

/**
 * An API and its services with no render worker, started before the file's tests and closed after them: for tests whose
 * answers depend on records, payments and stored files they write themselves, not on a video. The stack exists only
 * once `beforeAll` has run, so the tests read it through a stand-in that forwards to it.
 */
export const useApiStack = (): TestStack => {
	let started: TestStack | undefined;
	beforeAll(async () => {
		started = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
	});
	afterAll(async () => {
		await started?.close();
	});
	return new Proxy({} as TestStack, {
		get: (_, key) => {
			if (!started) throw new Error('the API stack is read before beforeAll started it');
			return Reflect.get(started, key);
		},
	});
};
