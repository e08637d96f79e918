import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEV_API_KEY, hashApiKey, loadTenantRegistry} from '../../server/tenant-registry';

describe('tenant registry', () => {
	it('knows the development key only without a tenants file, and never in production', () => {
		expect(loadTenantRegistry({file: undefined, production: false}).byApiKey(DEV_API_KEY)?.id).toBe('dev');
		expect(() => loadTenantRegistry({file: undefined, production: true})).toThrow(/BILLCAST_TENANTS_FILE/);
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
});
