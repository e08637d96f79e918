import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Redis} from 'ioredis';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {startRedisServer, type StartedRedis} from '../../server/dev/ensure-redis';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {paymentOf, sendCampaign, sendViewerEvent, watchUntil} from '../helpers/campaign';
import {freePort} from '../helpers/free-port';
import {startTestStack, type TestStack} from '../helpers/test-stack';

// A Redis of its own: MONITOR sees every command of a server, and only this file's may be there.
let server: StartedRedis;
let dir: string;
let stack: TestStack;
let client: Redis;
let watcher: Redis;
const seen: Array<{source: string; args: string[]}> = [];

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'billcast-script-keys-'));
	server = await startRedisServer({port: await freePort(), dir});
	// MONITOR takes a connection of its own, beside the client it is asked from. It starts while nothing else talks to
	// this Redis: monitored lines arriving with MONITOR's own reply made ioredis fail with a command queue error.
	client = new Redis(server.url);
	watcher = await client.monitor();
	watcher.on('monitor', (_time: string, args: string[], source: string) => seen.push({source, args}));
	stack = await startTestStack({redisUrl: server.url, serveUrl: inject('serveUrl'), withWorker: false});
});
afterAll(async () => {
	watcher?.disconnect();
	client?.disconnect();
	await stack?.close();
	await server?.stop();
	if (dir) await rm(dir, {recursive: true, force: true});
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const output = {durationInSeconds: 1, frames: 30, fps: 30, width: 320, height: 180, bytes: 1000};

/** A viewer event counted as if it arrived on another day: the render's drop-off point is then in another day's hashes. */
const eventOn = async (renderId: string, at: Date, type: 'progress_25' | 'completed' | 'view_started', scene: string) => {
	const record = (await stack.store.get(renderId))!;
	await stack.services.counters.viewerEvent({record, locale: sampleTelcoBill.customer.locale, type, scene, at});
};

describe('Lua scripts', () => {
	it('touch only the keys they declare, in every situation billcast runs them in', async () => {
		const {id, bills} = await sendCampaign(stack, stack.auth, 'SK', 2);
		const [first, second] = bills as [(typeof bills)[number], (typeof bills)[number]];
		await watchUntil(stack, first.token, 'end');
		await sendViewerEvent(stack, second.token, {type: 'view_started', scene: 'greeting'});
		// Tomorrow the render leaves today's hashes for tomorrow's: the keys it decrements are not the ones it adds to.
		await eventOn(second.renderId, day(1), 'progress_25', 'total');
		const payment = await fetch(`${stack.baseUrl}/v1/batches/${id}/payments`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify([paymentOf(second.billNumber, 6840)]),
		});
		expect(payment.status).toBe(200);
		for (const bill of bills) {
			await stack.store.markCompleted(bill.renderId, output);
			await stack.services.completion.settle(bill.renderId);
		}
		const end = `script-keys-end-${Date.now()}`;
		await stack.redis.echo(end);
		await expect.poll(() => seen.some(({args}) => args[0] === 'echo' && args[1] === end)).toBe(true);

		// Redis feeds a script's EVAL to MONITOR before the commands it runs, each marked as coming from lua.
		const scripts: Array<{body: string; declared: Set<string>; calls: string[][]}> = [];
		for (const {source, args} of seen) {
			if (source === 'lua') scripts.at(-1)?.calls.push(args);
			else if (/^eval(sha)?$/i.test(args[0]!)) scripts.push({body: args[1]!, declared: new Set(args.slice(3, 3 + Number(args[2]))), calls: []});
		}
		// BullMQ's scripts build their job keys from the queue's prefix (its keys all carry one hash tag); billcast's own
		// are the ones given this stack's keys.
		const billcast = scripts.filter(({declared}) => [...declared].some((key) => key.startsWith(stack.keyPrefix)));
		const bodies = new Set(billcast.map(({body}) => body));
		for (const mark of ["'dropoff:'", "'INCR'", "'DECR'", "'KEEPTTL'"]) expect([...bodies].some((body) => body.includes(mark)), mark).toBe(true);
		const todays = `:day:${dayOf(day(0))}`;
		expect(billcast.some(({calls}) => calls.some(([command, key, , by]) => command === 'HINCRBY' && key!.endsWith(todays) && by === '-1'))).toBe(true);

		const keysOf = async (call: string[]): Promise<string[]> => {
			try {
				return (await stack.redis.call('COMMAND', 'GETKEYS', ...call)) as string[];
			} catch {
				// A command without key arguments.
				return [];
			}
		};
		const undeclared: string[] = [];
		for (const {body, declared, calls} of billcast) {
			for (const call of calls) {
				for (const key of await keysOf(call)) if (!declared.has(key)) undeclared.push(`${call.join(' ')} in ${body.slice(0, 80)}`);
			}
		}
		expect(undeclared).toEqual([]);
	});

	it("move a render's drop-off across days and batches, never bring back an expired day, and count it at one scene under racing events", async () => {
		const {id, bills} = await sendCampaign(stack, stack.auth, 'DROP', 1);
		const {renderId} = bills[0]!;
		const batchDay = (at: Date) => `${stack.keyPrefix}an:batch:${id}:day:${dayOf(at)}`;
		const tenantDay = (at: Date) => `${stack.keyPrefix}an:tenant:${stack.tenantId}:telco-bill:day:${dayOf(at)}`;
		const batchTotal = `${stack.keyPrefix}an:batch:${id}`;
		await eventOn(renderId, day(0), 'view_started', 'greeting');
		await eventOn(renderId, day(1), 'progress_25', 'total');
		expect(await stack.redis.hget(batchDay(day(0)), 'dropoff:greeting')).toBe('0');
		expect(await stack.redis.hget(tenantDay(day(0)), 'dropoff:greeting')).toBe('0');
		expect(await stack.redis.hget(batchDay(day(1)), 'dropoff:total')).toBe('1');

		// The day the render was last counted at has expired by its next event.
		await stack.redis.del(batchDay(day(1)), tenantDay(day(1)));
		await eventOn(renderId, day(2), 'completed', 'close');
		expect(await stack.redis.exists(batchDay(day(1)), tenantDay(day(1)))).toBe(0);
		expect(await stack.redis.hget(batchDay(day(2)), 'dropoff:close')).toBe('1');
		expect(await stack.redis.hmget(batchTotal, 'dropoff:greeting', 'dropoff:total', 'dropoff:close')).toEqual(['0', '0', '1']);

		// Sent again in a later batch, it moves from the first campaign's hashes to the second's.
		const again = await fetch(`${stack.baseUrl}/v1/batches`, {
			method: 'POST',
			headers: {'content-type': 'application/json', ...stack.auth},
			body: JSON.stringify([{template: 'telco-bill', scale: 0.25, bill: {...sampleTelcoBill, billNumber: 'DROP-0', customer: {...sampleTelcoBill.customer, id: 'DROP-C0'}}}]),
		});
		const later = (await again.json()) as {id: string};
		await eventOn(renderId, day(2), 'completed', 'due');
		expect(await stack.redis.hget(batchTotal, 'dropoff:close')).toBe('0');
		expect(await stack.redis.hget(`${stack.keyPrefix}an:batch:${later.id}`, 'dropoff:due')).toBe('1');

		// Events of one render at once: whichever scene wins, the render is counted at exactly one.
		const scenes = ['greeting', 'total', 'breakdown', 'due', 'close', 'greeting', 'due', 'total'];
		await Promise.all(scenes.map((scene) => eventOn(renderId, day(2), 'completed', scene)));
		const counted = await stack.redis.hgetall(`${stack.keyPrefix}an:batch:${later.id}`);
		const dropOff = Object.entries(counted).filter(([field, value]) => field.startsWith('dropoff:') && value !== '0');
		const [scene] = await stack.redis.hmget(`${stack.keyPrefix}an:render:${renderId}`, 'scene');
		expect(dropOff).toEqual([[`dropoff:${scene}`, '1']]);
	});
});
