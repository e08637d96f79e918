import {mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {loadConfig} from '../../server/platform/config';
import {ConfigError} from '../../server/platform/errors';
import {hashApiKey, loadTenantRegistry} from '../../server/tenants/tenant-registry';
import {requireBuiltPlayer} from '../../server/watch/player-bundle';
import {resolveServeUrl} from '../../server/worker/bundle';

/** What every machine of a production fleet shares: a real deployment sets at least these. */
const tenants = JSON.stringify([{id: 'acme', name: 'Acme', apiKeySha256: [hashApiKey('acme-key')], allowedPayHosts: ['pay.acme.example']}]);

describe('shared configuration, the same on every machine', () => {
	let dataDir: string;
	beforeEach(async () => {
		dataDir = await mkdtemp(join(tmpdir(), 'billcast-shared-'));
	});
	afterEach(() => rm(dataDir, {recursive: true, force: true}));

	const production = () => ({
		NODE_ENV: 'production',
		BILLCAST_DATA_DIR: dataDir,
		BILLCAST_WATCH_SECRET: 'w'.repeat(32),
		PUBLIC_BASE_URL: 'https://bills.acme.example',
	});

	it('stops a production start without a watch secret, naming the variable, and generates none on the machine', async () => {
		expect(() => loadConfig({...production(), BILLCAST_WATCH_SECRET: undefined})).toThrow(/BILLCAST_WATCH_SECRET must be set in production/);
		expect(await readdir(dataDir)).toEqual([]);
		expect(loadConfig(production()).watchSecret).toBe('w'.repeat(32));
	});

	it('keeps a development start working with no configuration at all', () => {
		const config = loadConfig({BILLCAST_DATA_DIR: dataDir});
		expect(config.production).toBe(false);
		expect(config.watchSecret).toMatch(/^[\w-]{43}$/);
		expect(loadConfig({BILLCAST_DATA_DIR: dataDir}).watchSecret).toBe(config.watchSecret);
		expect(config.publicBaseUrl).toBe('http://localhost:3000');
	});

	it('needs PUBLIC_BASE_URL in production, since workers write the links customers open', () => {
		expect(() => loadConfig({...production(), PUBLIC_BASE_URL: undefined})).toThrow(/PUBLIC_BASE_URL: must be set in production/);
		expect(loadConfig(production()).publicBaseUrl).toBe('https://bills.acme.example');
	});

	it("binds the worker's metrics to their own host setting, not the API's HOST", () => {
		expect(loadConfig({...production(), HOST: '0.0.0.0'}).workerMetricsHost).toBe('127.0.0.1');
		expect(loadConfig({...production(), BILLCAST_WORKER_METRICS_HOST: '0.0.0.0'}).workerMetricsHost).toBe('0.0.0.0');
	});

	it('reads the tenants from BILLCAST_TENANTS_JSON, the same variable on every machine', () => {
		const config = loadConfig({...production(), BILLCAST_TENANTS_JSON: tenants});
		const registry = loadTenantRegistry({file: config.tenantsFile, json: config.tenantsJson, production: true});
		expect(registry.byApiKey('acme-key')?.id).toBe('acme');
		expect(() => loadTenantRegistry({file: undefined, json: undefined, production: true})).toThrow(/BILLCAST_TENANTS_FILE or BILLCAST_TENANTS_JSON/);
		expect(() => loadTenantRegistry({file: '/etc/tenants.json', json: tenants, production: true})).toThrow(/not both/);
		expect(() => loadTenantRegistry({file: undefined, json: '[{', production: true})).toThrow(/Invalid BILLCAST_TENANTS_JSON: not JSON/);
		expect(() => loadTenantRegistry({file: undefined, json: '[{"id":"acme"}]', production: true})).toThrow(/^Invalid BILLCAST_TENANTS_JSON: \[0\]\.name: [^\n]+$/);
	});

	it('refuses a production start without the bundles `npm run build` made, instead of building them on the machine', async () => {
		await expect(resolveServeUrl({bundleDir: join(dataDir, 'bundle'), production: true})).rejects.toThrow(ConfigError);
		await expect(resolveServeUrl({bundleDir: join(dataDir, 'bundle'), production: false})).rejects.toThrow(/run `npm run build` first/);
		expect(() => requireBuiltPlayer(join(dataDir, 'player.js'))).toThrow(/No player bundle at .*player\.js: in production .*npm run build/);
	});
});
