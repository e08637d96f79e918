import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, inject, it} from 'vitest';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import type {RenderJob} from '../../server/renders/render-job';
import type {NarrationConfig} from '../../server/voice/narration-config';
import {createSpeechCache} from '../../server/voice/speech-cache';
import {narrationOnce} from '../../server/worker/narrate-render';
import {startTestStack, type TestStack} from '../helpers/test-stack';

const config: NarrationConfig = {status: 'on', voices: {en: {engine: 'espeak-ng'}}, musicBed: {status: 'off'}};

let stack: TestStack;
let dir: string;
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
	dir = await mkdtemp(join(tmpdir(), 'billcast-narration-lock-'));
});
afterAll(async () => {
	await stack?.close();
	await rm(dir, {recursive: true, force: true});
});

const request = (renderId: string): RenderJob => ({
	renderId,
	tenant: stack.tenantId,
	template: 'telco-bill',
	format: 'landscape',
	scale: 0.2,
	bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: renderId}},
});

/** One worker's call, each with its own folder, as two machines would make it. */
const narrate = (renderId: string, worker: string, lockMs: number) =>
	narrationOnce({
		redis: stack.redis,
		store: stack.store,
		request: request(renderId),
		config,
		storage: stack.storage,
		workDir: join(dir, worker),
		renderId,
		cache: createSpeechCache({dir: join(dir, `${worker}-cache`)}),
		lockMs,
	});

it('a synthesis lock left by a killed worker lapses, and the render waiting on it narrates', async () => {
	const renderId = `${stack.tenantId}_LOCK-DEAD`;
	const lock = `${stack.store.keyOf(renderId)}:narrating`;
	// As a worker killed with -9 mid-synthesis leaves it: taken, never renewed, never released.
	await stack.redis.set(lock, '999999', 'PX', 1_500, 'NX');
	const made = await narrate(renderId, 'survivor', 1_500);
	expect(made.status).toBe('spoken');
	expect(await stack.redis.exists(lock)).toBe(0);
});

it('a synthesis that outlasts the lock keeps it: a second worker waits and takes the same speech instead of making it again', async () => {
	const renderId = `${stack.tenantId}_LOCK-LIVE`;
	// Far shorter than a synthesis and its mix: only the holder's renewals keep the second worker out.
	const lockMs = 300;
	const first = narrate(renderId, 'first', lockMs);
	const lock = `${stack.store.keyOf(renderId)}:narrating`;
	await expect.poll(() => stack.redis.exists(lock), {interval: 20}).toBe(1);
	const second = await narrate(renderId, 'second', lockMs);
	const made = await first;
	expect(made).toMatchObject({status: 'spoken'});
	expect(second).toMatchObject({status: 'spoken', synthesisMs: 0});
	if (made.status === 'spoken' && second.status === 'spoken') expect(second.narration.speech).toEqual(made.narration.speech);
	expect((made as {synthesisMs: number}).synthesisMs).toBeGreaterThan(lockMs * 2);
});
