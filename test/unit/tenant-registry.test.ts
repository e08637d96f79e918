import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {fillCheckoutUrlTemplate} from '../../src/checkout-url';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {loadConfig} from '../../server/platform/config';
import {payUrlPolicyError} from '../../server/tenants/pay-url-policy';
import {DEV_API_KEY, DEV_TENANT, hashApiKey, loadTenantRegistry} from '../../server/tenants/tenant-registry';

describe('tenant registry', () => {
	it('knows the development key only without a tenants file, and never in production', () => {
		expect(loadTenantRegistry({file: undefined, production: false}).byApiKey(DEV_API_KEY)?.id).toBe('dev');
		expect(() => loadTenantRegistry({file: undefined, production: true})).toThrow(/BILLCAST_TENANTS_FILE/);
	});

	it('gives the development tenant the webhook from the environment, which may be plain http for a local receiver', () => {
		// A configured watch secret, so loading the configuration writes no generated one into the data folder.
		const base = {BILLCAST_WATCH_SECRET: 'w'.repeat(32)};
		const env = {...base, BILLCAST_DEV_WEBHOOK_URL: 'http://127.0.0.1:4000/hooks', BILLCAST_DEV_WEBHOOK_SECRET: 'a'.repeat(32), BILLCAST_ALLOW_PRIVATE_OUTBOUND: '1'};
		const config = loadConfig(env);
		expect(() => loadConfig({...env, BILLCAST_ALLOW_PRIVATE_OUTBOUND: undefined})).toThrow(/BILLCAST_ALLOW_PRIVATE_OUTBOUND=1/);
		expect(() => loadConfig({...env, NODE_ENV: 'production'})).toThrow(/BILLCAST_ALLOW_PRIVATE_OUTBOUND: is for development only/);
		expect(loadTenantRegistry({file: undefined, production: false, devWebhook: config.devWebhook}).byId('dev')?.webhook).toEqual({
			url: 'http://127.0.0.1:4000/hooks',
			secret: 'a'.repeat(32),
		});
		expect(loadConfig(base).devWebhook).toBeUndefined();
		expect(() => loadConfig({...base, BILLCAST_DEV_WEBHOOK_URL: env.BILLCAST_DEV_WEBHOOK_URL})).toThrow(/BILLCAST_DEV_WEBHOOK_SECRET: set both/);
		expect(() => loadConfig({...env, BILLCAST_DEV_WEBHOOK_URL: 'ftp://x/'})).toThrow(/BILLCAST_DEV_WEBHOOK_URL/);
	});

	it('reads tenants from a file that holds only key digests, and names a bad field', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'billcast-tenants-'));
		try {
			const file = join(dir, 'tenants.json');
			await writeFile(file, JSON.stringify([{id: 'acme', name: 'Acme', apiKeySha256: [hashApiKey('secret-1')], allowedPayHosts: ['pay.acme.example']}]));
			const registry = loadTenantRegistry({file, production: true});
			expect(registry.byApiKey('secret-1')?.id).toBe('acme');
			expect(registry.byApiKey(DEV_API_KEY)).toBeUndefined();
			await writeFile(file, JSON.stringify([{id: 'acme', name: 'Acme', apiKeySha256: ['secret-1'], allowedPayHosts: []}]));
			expect(() => loadTenantRegistry({file, production: true})).toThrow(/\[0\]\.apiKeySha256\[0\]: must be a lowercase SHA-256/);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});

	it('refuses a checkout URL template with an unknown placeholder or one the pay URL policy would refuse', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'billcast-tenants-'));
		try {
			const file = join(dir, 'tenants.json');
			const tenant = {id: 'acme', name: 'Acme', apiKeySha256: [hashApiKey('secret-1')], allowedPayHosts: ['pay.acme.example']};
			const withTemplate = (checkoutUrlTemplate: string) => writeFile(file, JSON.stringify([{...tenant, checkoutUrlTemplate}]));
			await withTemplate('https://pay.acme.example/checkout?bill={billNo}&amount={amount}&currency={currency}&c={customerId}');
			expect(loadTenantRegistry({file, production: true}).byApiKey('secret-1')?.checkoutUrlTemplate).toMatch(/^https:\/\/pay\.acme/);
			await withTemplate('https://pay.acme.example/checkout?bill={billNumber}');
			expect(() => loadTenantRegistry({file, production: true})).toThrow(/\[0\]\.checkoutUrlTemplate: may hold only the placeholders/);
			await withTemplate('https://pay.elsewhere.example/checkout?bill={billNo}');
			expect(() => loadTenantRegistry({file, production: true})).toThrow(/\[0\]\.checkoutUrlTemplate: must point to one of the tenant's allowed pay hosts/);
			await withTemplate('http://pay.acme.example/checkout?bill={billNo}');
			expect(() => loadTenantRegistry({file, production: true})).toThrow(/\[0\]\.checkoutUrlTemplate: must be an https URL/);
			await withTemplate('pay.acme.example/checkout?bill={billNo}');
			expect(() => loadTenantRegistry({file, production: true})).toThrow(/\[0\]\.checkoutUrlTemplate: must be a URL once filled in/);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});

	it('reads a webhook that is https with a long secret, and refuses anything else', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'billcast-tenants-'));
		const tenant = {id: 'acme', name: 'Acme', apiKeySha256: [hashApiKey('secret-1')], allowedPayHosts: []};
		const secret = 'whsec_'.padEnd(32, 'x');
		try {
			const file = join(dir, 'tenants.json');
			await writeFile(file, JSON.stringify([{...tenant, webhook: {url: 'https://hooks.acme.example/billcast', secret}}]));
			expect(loadTenantRegistry({file, production: true}).byId('acme')?.webhook).toEqual({url: 'https://hooks.acme.example/billcast', secret});
			await writeFile(file, JSON.stringify([{...tenant, webhook: {url: 'http://hooks.acme.example/billcast', secret: 'short'}}]));
			expect(() => loadTenantRegistry({file, production: true})).toThrow(/\[0\]\.webhook\.url: must be an https URL at a public internet address \([^)]*\); \[0\]\.webhook\.secret: must be at least 32/);
			expect(() => loadTenantRegistry({file, production: true, devWebhook: {url: 'http://127.0.0.1:9/', secret}})).toThrow(/BILLCAST_DEV_WEBHOOK_URL/);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});

	it('lets a tenants file name a receiver on this machine only with the development switch, and says so when it is off', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'billcast-tenants-'));
		const secret = 'whsec_'.padEnd(32, 'x');
		const withWebhook = (url: string) =>
			writeFile(join(dir, 'tenants.json'), JSON.stringify([{id: 'acme', name: 'Acme', apiKeySha256: [hashApiKey('secret-1')], allowedPayHosts: [], webhook: {url, secret}}]));
		const load = (outboundPolicy?: {allowLoopback: boolean}) =>
			loadTenantRegistry({file: join(dir, 'tenants.json'), production: false, ...(outboundPolicy ? {outboundPolicy} : {})});
		try {
			await withWebhook('http://127.0.0.1:3650/hook');
			expect(() => load({allowLoopback: false})).toThrow(
				/^Invalid tenants file .*: \[0\]\.webhook\.url: must be an https URL at a public internet address \(a receiver on this machine, plain http included, needs BILLCAST_ALLOW_PRIVATE_OUTBOUND=1, refused in production\)$/,
			);
			expect(load({allowLoopback: true}).byId('acme')?.webhook?.url).toBe('http://127.0.0.1:3650/hook');
			// The mains pass no policy: the environment's switch is the one that counts.
			vi.stubEnv('BILLCAST_ALLOW_PRIVATE_OUTBOUND', '1');
			vi.stubEnv('NODE_ENV', 'development');
			expect(load().byId('acme')?.webhook?.url).toBe('http://127.0.0.1:3650/hook');
			vi.stubEnv('NODE_ENV', 'production');
			expect(load).toThrow(/BILLCAST_ALLOW_PRIVATE_OUTBOUND: is for development only/);
			vi.unstubAllEnvs();
			await withWebhook('https://localhost:3650/hook');
			expect(() => load({allowLoopback: false})).toThrow(/\[0\]\.webhook\.url: must be an https URL at a public internet address \(.*BILLCAST_ALLOW_PRIVATE_OUTBOUND=1/);
			// The switch opens loopback alone, never a private or metadata address.
			await withWebhook('http://169.254.169.254/hook');
			expect(() => load({allowLoopback: true})).toThrow(/\[0\]\.webhook\.url: must be an http\(s\) URL at a public internet address or a loopback one$/);
		} finally {
			vi.unstubAllEnvs();
			await rm(dir, {recursive: true, force: true});
		}
	});

	it('gives the development tenant a checkout URL template its own pay URL policy allows', () => {
		const url = fillCheckoutUrlTemplate({template: DEV_TENANT.checkoutUrlTemplate!, bill: sampleTelcoBill});
		expect(url).toBe('https://pay.example.com/checkout?bill=INV-2026-11-0042&amount=68.40');
		expect(payUrlPolicyError(DEV_TENANT, url)).toBeUndefined();
	});
});
