import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import type {Server} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import express from 'express';
import {Counter, Registry} from 'prom-client';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {makeHealthRouter} from '../../server/api/health-router';
import {pingRedis, startRedisServer} from '../../server/dev/ensure-redis';
import {makeLogger} from '../../server/platform/logger';
import {stopChild} from '../../server/platform/processes';
import {connectApiRedis, connectRedis, type RedisClient} from '../../server/platform/redis-connection';
import {watchRedisData, type RedisDataWatch} from '../../server/platform/redis-data-watch';
import {readRedisDurability, warnIfRedisForgets} from '../../server/platform/redis-durability';
import {makeRenderQueue} from '../../server/renders/render-queue';
import {heartbeatKey} from '../../server/worker/worker-heartbeat';
import {freePort} from '../helpers/free-port';

/** A redis-server of the test's own, with the settings an operator might have left: no persistence, evicting. */
const startBareRedis = async ({port, extra = []}: {port: number; extra?: string[]}): Promise<{url: string; stop(): Promise<void>}> => {
	const child: ChildProcess = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru', ...extra],
		{stdio: ['ignore', 'ignore', 'inherit']},
	);
	const url = `redis://127.0.0.1:${port}`;
	const stop = () => stopChild(child);
	await vi
		.waitFor(async () => expect(await pingRedis(url, 300)).toBe(true), {timeout: 10_000, interval: 100})
		.catch(async (error: unknown) => {
			await stop();
			throw error;
		});
	return {url, stop};
};

interface LogLine {
	level: number;
	service: string;
	msg: string;
}
const WARN = 40;
const ERROR = 50;

const capture = (service: 'api' | 'worker', lines: LogLine[]) =>
	makeLogger({service, destination: {write: (line: string) => void lines.push(JSON.parse(line) as LogLine)}});

/** Counts the watch's successful checks (each reads the clock once), so a test can wait for several without a sleep. */
const countingClock = () => {
	const clock = {checks: 0, now: () => (clock.checks++, new Date())};
	return clock;
};

const clients: RedisClient[] = [];
const watches: RedisDataWatch[] = [];
afterEach(() => {
	for (const watch of watches.splice(0)) watch.stop();
	for (const client of clients.splice(0)) client.disconnect();
});
const track = <T extends RedisClient>(client: T): T => {
	client.on('error', () => undefined);
	clients.push(client);
	return client;
};

describe('a Redis that keeps nothing on disk and evicts', () => {
	let port: number;
	let redisServer: {url: string; stop(): Promise<void>} | undefined;
	beforeAll(async () => {
		port = await freePort();
		redisServer = await startBareRedis({port});
	});
	afterAll(async () => {
		await redisServer?.stop();
	});

	it('is named at start in one warning line with the fix, from a connection made before Redis answered', async () => {
		const lines: LogLine[] = [];
		// The API's connection has no offline queue: a CONFIG sent before it is ready would fail and say nothing.
		const warned = await warnIfRedisForgets({redis: track(connectApiRedis(redisServer!.url)), logger: capture('api', lines)});
		const warnings = lines.filter(({level}) => level === WARN);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]!.msg).toBe(warned);
		expect(warnings[0]!.msg).toMatch(
			new RegExp(`^Redis at 127\\.0\\.0\\.1:${port} keeps nothing on disk \\(save "", appendonly no\\), so a restart loses every accepted render: set appendonly yes`),
		);
		expect(warnings[0]!.msg).toMatch(/maxmemory-policy allkeys-lru\), so queued renders .* set maxmemory-policy noeviction, which BullMQ requires/);
		expect(warnings[0]!.msg).not.toContain('\n');
	});

	it('finds the API and the worker each logging the loss once when that Redis restarts, counted, and named in /readyz', async () => {
		const prefix = `{billcast}:durability-${process.pid}:`;
		const apiLines: LogLine[] = [];
		const workerLines: LogLine[] = [];
		const registry = new Registry();
		const losses = new Counter({name: 'billcast_redis_data_losses_total', help: 'Redis data losses found', registers: [registry]});
		const clock = countingClock();
		const apiRedis = track(connectApiRedis(redisServer!.url));
		const workerRedis = track(connectRedis(redisServer!.url));
		const watch = (redis: RedisClient, role: 'api' | 'worker', lines: LogLine[]) => {
			const started = watchRedisData({redis, role, prefix, losses, logger: capture(role, lines), intervalMs: 100, now: clock.now});
			watches.push(started);
			return started.started;
		};
		await watch(apiRedis, 'api', apiLines);
		await watch(workerRedis, 'worker', workerLines);

		const queue = makeRenderQueue({connection: workerRedis, queueName: `durability-${process.pid}`});
		const app = express().use(makeHealthRouter({redis: apiRedis, queue, keyPrefix: prefix}));
		const server: Server = await new Promise((resolve) => {
			const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
		});
		const {port: apiPort} = server.address() as {port: number};
		const readyz = async () => (await fetch(`http://127.0.0.1:${apiPort}/readyz`)).json() as Promise<Record<string, unknown>>;
		const beat = () => workerRedis.set(heartbeatKey(queue.queue.name), 'now', 'EX', 30);
		try {
			await beat();
			const before = await readyz();
			expect(before).toMatchObject({ready: true, warnings: {redisDurability: expect.stringMatching(/keeps nothing on disk/)}});
			expect(before).not.toHaveProperty('warnings.redisDataLost');

			await redisServer!.stop();
			redisServer = undefined;
			redisServer = await startBareRedis({port});

			const errors = (lines: LogLine[]) => lines.filter(({level}) => level === ERROR).map(({msg}) => msg);
			const lost = /^Redis lost its data at about \S+ \(billcast's marker was last seen at \S+\); renders accepted before then are gone/;
			await expect.poll(() => errors(apiLines), {timeout: 15_000}).toEqual([expect.stringMatching(lost)]);
			await expect.poll(() => errors(workerLines), {timeout: 15_000}).toEqual([expect.stringMatching(lost)]);
			// Several more checks by both on the new marker: still one line each, two losses counted (one per process).
			const after = clock.checks;
			await expect.poll(() => clock.checks, {timeout: 15_000}).toBeGreaterThan(after + 6);
			expect(errors(apiLines)).toHaveLength(1);
			expect(errors(workerLines)).toHaveLength(1);
			expect(await registry.getSingleMetricAsString('billcast_redis_data_losses_total')).toMatch(/^billcast_redis_data_losses_total 2$/m);

			await beat();
			expect(await readyz()).toMatchObject({ready: true, warnings: {redisDataLost: expect.stringMatching(lost)}});
			expect(await apiRedis.ttl(`${prefix}redis-data-lost`)).toBeGreaterThan(0);
			expect(await apiRedis.ttl(`${prefix}redis-marker`)).toBeGreaterThan(0);
		} finally {
			server.close();
			await queue.close();
		}
	});
});

describe('a Redis that does not let billcast read its CONFIG (a managed one renames it)', () => {
	it('says nothing and fails nothing', async () => {
		const redisServer = await startBareRedis({port: await freePort(), extra: ['--rename-command', 'CONFIG', '']});
		try {
			const lines: LogLine[] = [];
			const redis = track(connectApiRedis(redisServer.url));
			expect(await warnIfRedisForgets({redis, logger: capture('api', lines)})).toBeUndefined();
			expect(await readRedisDurability(redis)).toBeUndefined();
			expect(lines.filter(({level}) => level >= WARN)).toEqual([]);
		} finally {
			await redisServer.stop();
		}
	});
});

describe('the Redis npm start starts when none answers', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'billcast-durable-redis-'));
	});
	afterAll(async () => {
		await rm(dir, {recursive: true, force: true});
	});

	it('keeps its data in the data directory with appendonly: a restart loses nothing, and nothing is warned or reported lost', async () => {
		const port = await freePort();
		let redisServer = await startRedisServer({port, dir});
		try {
			const lines: LogLine[] = [];
			const clock = countingClock();
			const redis = track(connectRedis(redisServer.url));
			expect(await warnIfRedisForgets({redis, logger: capture('worker', lines)})).toBeUndefined();
			const prefix = '{billcast}:durable:';
			const watch = watchRedisData({redis, role: 'worker', prefix, losses: {inc: () => undefined}, logger: capture('worker', lines), intervalMs: 100, now: clock.now});
			watches.push(watch);
			await watch.started;
			await redis.set(`${prefix}accepted`, 'render-1');

			await redisServer.stop();
			redisServer = await startRedisServer({port, dir});
			const before = clock.checks;
			await expect.poll(() => (redis.status === 'ready' ? clock.checks : 0), {timeout: 15_000}).toBeGreaterThan(before + 6);
			expect(await redis.get(`${prefix}accepted`)).toBe('render-1');
			expect(lines.filter(({level}) => level >= WARN)).toEqual([]);
		} finally {
			await redisServer.stop();
		}
	});
});
