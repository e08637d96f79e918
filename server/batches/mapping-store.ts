import type {RedisClient} from '../platform/redis-connection';
import type {Mapping} from './mapping-schema';

export type StoredMapping = Mapping & {readonly name: string; readonly updatedAt: string};

/**
 * CSV column mappings, per tenant and name. They are configuration, like a tenant's brand, so they never expire: a
 * mapping lives until the tenant replaces or deletes it.
 */
export const makeMappingStore = ({redis, prefix}: {redis: RedisClient; prefix: string}) => {
	const key = (tenant: string, name: string) => `${prefix}${tenant}:${name}`;
	return {
		async put(tenant: string, name: string, mapping: Mapping): Promise<StoredMapping> {
			const stored = {name, updatedAt: new Date().toISOString(), ...mapping};
			await redis.set(key(tenant, name), JSON.stringify(stored));
			return stored;
		},
		async get(tenant: string, name: string): Promise<StoredMapping | undefined> {
			const raw = await redis.get(key(tenant, name));
			return raw ? (JSON.parse(raw) as StoredMapping) : undefined;
		},
		async delete(tenant: string, name: string): Promise<boolean> {
			return (await redis.del(key(tenant, name))) === 1;
		},
	};
};

export type MappingStore = ReturnType<typeof makeMappingStore>;
