import {spawn, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {Queue, Worker} from 'bullmq';
import {afterAll, beforeAll, expect, inject, it} from 'vitest';
import {posterQueueName} from '../../server/renders/on-demand-poster-queue';
import {connectRedis, KEY_TAG, QUEUE_OPTIONS, type RedisClient} from '../../server/platform/redis-connection';
import {narrationQueueName} from '../../server/voice/narration-queue';
import {maintenanceQueueName} from '../../server/worker/maintenance-queue';
import {freePort} from '../helpers/free-port';

const root = resolve(import.meta.dirname, '../..');
const adminKey = 'admin-key-for-tests-0123';
const renderQueue = `metrics-${randomBytes(4).toString('hex')}`;
let dataDir: string;
let redis: RedisClient;
let api: ChildProcess | undefined;
let baseUrl: string;
const queues: Queue[] = [];

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'billcast-metrics-'));
	redis = connectRedis(inject('redisUrl'));
	const port = await freePort();
	baseUrl = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/api/api-main.ts'], {
		cwd: root,
		env: {PATH: process.env.PATH!, PORT: String(port), BILLCAST_DATA_DIR: dataDir, REDIS_URL: inject('redisUrl'), BILLCAST_QUEUE: renderQueue, BILLCAST_ADMIN_KEY: adminKey},
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	api = child;
	let output = '';
	await new Promise<void>((ready, fail) => {
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('billcast API listening')) ready();
		});
		child.once('exit', (code) => fail(new Error(`the API exited with ${code}: ${output}`)));
	});
});
afterAll(async () => {
	if (api && api.exitCode === null) {
		const exited = new Promise((done) => api!.once('exit', done));
		api.kill('SIGTERM');
		await exited;
	}
	await Promise.all(queues.map(async (queue) => {
		await queue.obliterate({force: true});
		await queue.close();
	}));
	redis.disconnect();
	await rm(dataDir, {recursive: true, force: true});
});

const open = (name: string) => {
	const queue = new Queue(name, {connection: redis, ...QUEUE_OPTIONS});
	queues.push(queue);
	return queue;
};

// Narrations, posters and retention sweeps ran in queues of their own that neither /metrics nor the dashboard showed.
it("counts the narration, poster and maintenance queues' jobs by state, failures included", async () => {
	await open(narrationQueueName(renderQueue)).add('narrate', {renderId: 'r1'}, {jobId: 'r1'});
	await open(posterQueueName(renderQueue)).add('poster', {renderId: 'r1'}, {jobId: 'r1'});
	const maintenance = open(maintenanceQueueName(renderQueue));
	await maintenance.add('sweep', {});
	const sweeper = new Worker(maintenance.name, async () => {
		throw new Error('the bucket refused the listing');
	}, {connection: redis, prefix: KEY_TAG});
	try {
		await expect.poll(() => maintenance.getJobCountByTypes('failed'), {timeout: 10_000}).toBe(1);
	} finally {
		await sweeper.close();
	}

	const response = await fetch(`${baseUrl}/metrics`, {headers: {authorization: `Bearer ${adminKey}`}});
	expect(response.status).toBe(200);
	const text = await response.text();
	for (const [queue, state, count] of [
		[narrationQueueName(renderQueue), 'waiting', 1],
		[posterQueueName(renderQueue), 'waiting', 1],
		[maintenanceQueueName(renderQueue), 'failed', 1],
		[maintenanceQueueName(renderQueue), 'waiting', 0],
		[renderQueue, 'waiting', 0],
	] as const) {
		expect(text).toContain(`billcast_jobs{queue="${queue}",state="${state}"} ${count}\n`);
	}
	// The queue dashboard lists the queues /metrics counts.
	const basic = `Basic ${Buffer.from(`admin:${adminKey}`).toString('base64')}`;
	const board = (await (await fetch(`${baseUrl}/admin/queues/api/queues`, {headers: {authorization: basic}})).json()) as {queues: Array<{name: string}>};
	expect(board.queues.map((queue) => queue.name).sort()).toEqual(
		[renderQueue, narrationQueueName(renderQueue), posterQueueName(renderQueue), `${renderQueue}-webhooks`, maintenanceQueueName(renderQueue)].sort(),
	);
});
