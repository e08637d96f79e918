import {LRUCache} from 'lru-cache';

/**
 * A cache of what is costly to make and asked for again, keyed by what a bill chose (its locale, its currency). Bounded:
 * Intl accepts endless locale tags ("en-x-a1", "en-x-a2", ...), and a batch of hostile bills must not grow a long-running
 * API or worker without end. Far more entries than the locales and currencies one deployment serves.
 */
export const makeCache = <T extends {}>(): LRUCache<string, T> => new LRUCache<string, T>({max: 500});

/** What `make` gives for `key`, made at the first call and kept in `cache`. */
export const cached = <T extends {}>(cache: LRUCache<string, T>, key: string, make: () => T): T => {
	let value = cache.get(key);
	if (value === undefined) {
		value = make();
		cache.set(key, value);
	}
	return value;
};
