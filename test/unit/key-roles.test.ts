import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {hashApiKey, loadTenantRegistry} from '../../server/tenants/tenant-registry';

describe('key roles', () => {
	it('give full access to the old keys and the named role to role keys, and name a bad role', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'billcast-roles-'));
		try {
			const file = join(dir, 'tenants.json');
			const tenant = {
				id: 'acme',
				name: 'Acme',
				apiKeySha256: [hashApiKey('full-1')],
				roleKeys: [
					{sha256: hashApiKey('read-1'), role: 'read'},
					{sha256: hashApiKey('submit-1'), role: 'submit'},
				],
				allowedPayHosts: [],
			};
			await writeFile(file, JSON.stringify([tenant]));
			const registry = loadTenantRegistry({file, production: true});
			expect(['full-1', 'read-1', 'submit-1', 'nope'].map((key) => registry.accessOf(key)?.access)).toEqual(['full', 'read', 'submit', undefined]);
			expect(registry.accessOf('read-1')?.tenant.id).toBe('acme');
			expect(registry.byApiKey('submit-1')?.id).toBe('acme');
			await writeFile(file, JSON.stringify([{...tenant, roleKeys: [{sha256: hashApiKey('x'), role: 'admin'}]}]));
			expect(() => loadTenantRegistry({file, production: true})).toThrow(/\[0\]\.roleKeys\[0\]\.role/);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});
});
