import {randomBytes, randomUUID} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, inject, it} from 'vitest';
import {hashApiKey} from '../../server/tenants/tenant-registry';
import {freePort} from '../helpers/free-port';
import {startMain} from '../helpers/node-main';

let dataDir: string;
beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'billcast-start-tenants-'));
});
afterAll(() => rm(dataDir, {recursive: true, force: true}));

// With a tenants file there is no `dev` tenant, and the file holds only digests of its keys: npm start posted the sample
// bill with the development key, printed "The sample bill was refused: … 401" and stopped everything.
it('npm start with a tenants file keeps serving, saying why it renders no sample bill', async () => {
	const tenants = [{id: 'acme', name: 'Acme', apiKeySha256: [hashApiKey(`bc_${randomBytes(16).toString('hex')}`)], allowedPayHosts: ['pay.acme.example'], rateLimitPerMinute: 60}];
	const start = startMain({
		script: 'server/dev/start.ts',
		env: {
			PATH: process.env.PATH!,
			PORT: String(await freePort()),
			BILLCAST_DATA_DIR: dataDir,
			REDIS_URL: inject('redisUrl'),
			BILLCAST_QUEUE: `start-tenants-${randomUUID().slice(0, 8)}`,
			BILLCAST_BUNDLE_DIR: inject('serveUrl'),
			BILLCAST_WORKER_METRICS_PORT: '0',
			BILLCAST_TENANTS_JSON: JSON.stringify(tenants),
		},
	});
	try {
		await expect.poll(start.output, {timeout: 120_000, interval: 250}).toContain('Serving until Ctrl-C.');
		expect(start.output()).toContain('Tenants come from BILLCAST_TENANTS_JSON, whose keys npm start does not know, so it renders no sample bill.');
		expect(start.output()).not.toMatch(/refused|Stopping/);
	} finally {
		start.child.kill('SIGINT');
	}
	expect(await start.exited, start.output()).toBe(0);
});
