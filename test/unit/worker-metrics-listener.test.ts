import type {AddressInfo} from 'node:net';
import type {Server} from 'node:http';
import type {Queue} from 'bullmq';
import {afterEach, describe, expect, it} from 'vitest';
import {makeMetrics} from '../../server/platform/metrics';
import {listenForMetrics} from '../../server/platform/metrics-listener';

const adminKey = 'admin-key-for-tests-0123';
let server: Server | undefined;
afterEach(async () => {
	await new Promise((done) => server?.close(done) ?? done(undefined));
	server = undefined;
});

const listen = async (metrics = makeMetrics()): Promise<string> => {
	server = listenForMetrics({metrics, adminKey, port: 0, host: '127.0.0.1'});
	await new Promise((done) => server!.once('listening', done));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** The worker's /metrics, served by node:http since the worker loads no express: the same answers the API gives. */
describe("the worker's metrics listener", () => {
	it('answers the admin key, as Bearer or as the Basic password, with the registry in Prometheus text', async () => {
		const base = await listen();
		const basic = `Basic ${Buffer.from(`prometheus:${adminKey}`).toString('base64')}`;
		for (const authorization of [`Bearer ${adminKey}`, basic]) {
			const response = await fetch(`${base}/metrics?x=1`, {headers: {authorization}});
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
			expect(await response.text()).toContain('# TYPE billcast_render_failures_total counter');
		}
	});

	it('refuses no key or a wrong one with a 401 problem and the Basic challenge', async () => {
		const base = await listen();
		const refusals: Array<Record<string, string>> = [{}, {authorization: 'Bearer wrong'}, {authorization: `Basic ${Buffer.from('admin:wrong').toString('base64')}`}];
		for (const headers of refusals) {
			const response = await fetch(`${base}/metrics`, {headers});
			expect(response.status).toBe(401);
			expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
			expect(response.headers.get('www-authenticate')).toBe('Basic realm="billcast admin", charset="UTF-8"');
			expect(await response.json()).toMatchObject({status: 401, code: 'unauthorized', detail: expect.stringContaining('BILLCAST_ADMIN_KEY')});
		}
	});

	it('leaves out only the job counts when they cannot be read, and answers 404 anywhere but /metrics', async () => {
		const unreadable = {name: 'gone', getJobCounts: () => Promise.reject(new Error('Connection is closed.'))} as unknown as Queue;
		const base = await listen(makeMetrics({queues: [unreadable]}));
		const metrics = await fetch(`${base}/metrics`, {headers: {authorization: `Bearer ${adminKey}`}});
		expect(metrics.status).toBe(200);
		const text = await metrics.text();
		expect(text).toMatch(/^billcast_redis_data_losses_total 0$/m);
		expect(text).not.toMatch(/^billcast_jobs\{/m);
		const elsewhere = await fetch(`${base}/admin/queues`, {headers: {authorization: `Bearer ${adminKey}`}});
		expect(elsewhere.status).toBe(404);
		expect(await elsewhere.json()).toMatchObject({status: 404, code: 'not_found'});
	});
});
