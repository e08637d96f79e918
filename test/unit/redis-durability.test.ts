import {describe, expect, it} from 'vitest';
import {KEY_TAG} from '../../server/platform/redis-connection';
import {dataLossKey, markerKey} from '../../server/platform/redis-data-watch';
import {durabilityProblems, durabilityWarning} from '../../server/platform/redis-durability';
import {heartbeatKey} from '../../server/worker/worker-heartbeat';

/** What Redis Cluster hashes: the text between a key's first `{` and the next `}`, when not empty. */
const hashTag = (key: string): string => /^[^{]*\{([^}]+)\}/.exec(key)?.[1] ?? key;

describe("Redis's persistence and eviction settings", () => {
	it('are fine with appendonly and noeviction, with or without snapshots', () => {
		expect(durabilityProblems({save: '', appendonly: 'yes', maxmemoryPolicy: 'noeviction'})).toEqual([]);
		expect(durabilityProblems({save: '3600 1', appendonly: 'yes', maxmemoryPolicy: 'noeviction'})).toEqual([]);
		expect(durabilityWarning([{where: '127.0.0.1:6379', settings: {save: '', appendonly: 'yes', maxmemoryPolicy: 'noeviction'}, problems: []}])).toBeUndefined();
		expect(durabilityWarning(undefined)).toBeUndefined();
	});

	it('name no persistence, snapshots only and eviction, each with its fix', () => {
		expect(durabilityProblems({save: '', appendonly: 'no', maxmemoryPolicy: 'noeviction'})).toEqual([
			expect.stringMatching(/^keeps nothing on disk \(save "", appendonly no\), so a restart loses every accepted render: set appendonly yes/),
		]);
		expect(durabilityProblems({save: '3600 1 300 100', appendonly: 'no', maxmemoryPolicy: 'noeviction'})).toEqual([
			expect.stringMatching(/^keeps only snapshots \(save "3600 1 300 100", appendonly no\), so a crash loses .*: set appendonly yes/),
		]);
		expect(durabilityProblems({save: '', appendonly: 'yes', maxmemoryPolicy: 'volatile-lru'})).toEqual([
			expect.stringMatching(/\(maxmemory-policy volatile-lru\).*set maxmemory-policy noeviction, which BullMQ requires$/),
		]);
	});

	it('make one line naming each node that can lose renders', () => {
		const bad = {save: '', appendonly: 'no', maxmemoryPolicy: 'allkeys-lru'};
		const line = durabilityWarning([
			{where: '10.0.0.1:6379', settings: bad, problems: durabilityProblems(bad)},
			{where: '10.0.0.2:6379', settings: {...bad, appendonly: 'yes', maxmemoryPolicy: 'noeviction'}, problems: []},
		]);
		expect(line).toMatch(/^Redis at 10\.0\.0\.1:6379 keeps nothing on disk .*; and it deletes keys once it reaches maxmemory .*\.$/);
		expect(line).not.toContain('10.0.0.2');
		expect(line).not.toContain('\n');
	});
});

describe("billcast's own Redis keys", () => {
	it('carry the {billcast} hash tag, so a Redis Cluster keeps them in the queues\' slot', () => {
		expect(hashTag(`${KEY_TAG}:render:x`)).toBe('billcast');
		for (const key of [heartbeatKey('billcast-renders'), markerKey(), dataLossKey()]) {
			expect(key.startsWith(`${KEY_TAG}:`), key).toBe(true);
			expect(hashTag(key), key).toBe('billcast');
		}
	});
});
