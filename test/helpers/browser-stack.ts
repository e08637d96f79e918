import {mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, expect, inject} from 'vitest';
import {launchChromium} from './browser';
import {startTestStack, type TestStack} from './test-stack';

/** Where browser tests leave the screenshots worth looking at. */
export const shotsDir = process.env.BILLCAST_SHOTS_DIR ?? join(tmpdir(), 'billcast-shots');
mkdirSync(shotsDir, {recursive: true});

/**
 * An API without a worker and a Chromium, for a file's tests of the watch page and player: the live player draws a bill
 * that was never rendered. Read `stack` and `browser` inside tests, once the file's set-up has run.
 */
export const useWatchStack = (): {readonly stack: TestStack; readonly browser: Browser} => {
	let stack: TestStack | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await stack?.close();
	});
	return {
		get stack() {
			return stack!;
		},
		get browser() {
			return browser!;
		},
	};
};

/** A telco bill posted as a render, accepted. */
export const submitTelcoBill = async (stack: TestStack, bill: unknown): Promise<{id: string; links: {watch: string}}> => {
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...stack.auth},
		body: JSON.stringify({template: 'telco-bill', bill}),
	});
	expect(response.status).toBe(202);
	return (await response.json()) as {id: string; links: {watch: string}};
};
