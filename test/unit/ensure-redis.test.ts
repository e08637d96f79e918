import {describe, expect, it} from 'vitest';
import {absentRedis, ensureRedis} from '../../server/dev/ensure-redis';
import {ConfigError} from '../../server/platform/errors';
import {redisUrlSchema} from '../../server/platform/redis-connection';

const whenAbsent = (url: string) => absentRedis(redisUrlSchema.parse(url));

describe('npm start without an answering Redis', () => {
	it('starts one only for a plain redis:// URL on this machine, on its port', () => {
		expect(whenAbsent('redis://127.0.0.1:6390')).toEqual({status: 'start-here', port: 6390});
		expect(whenAbsent('redis://localhost/2')).toEqual({status: 'start-here', port: 6379});
		expect(whenAbsent('redis://[::1]:6380')).toEqual({status: 'start-here', port: 6380});
	});

	it('never starts one for Sentinel, a cluster, TLS or another machine, and names what REDIS_URL points at without its password', () => {
		const cases = {
			'redis+sentinel://:s3cret@127.0.0.1:26379,127.0.0.1:26380/billcast': /Sentinel group at 127\.0\.0\.1:26379,127\.0\.0\.1:26380 \(master "billcast"\)/,
			'redis+cluster://:s3cret@127.0.0.1:7000,127.0.0.1:7001': /Redis Cluster at 127\.0\.0\.1:7000,127\.0\.0\.1:7001/,
			'rediss://:s3cret@127.0.0.1:6379': /TLS Redis at 127\.0\.0\.1:6379/,
			'redis://:s3cret@10.0.0.5:6379': /Redis at 10\.0\.0\.5:6379, not on this machine/,
		};
		for (const [url, named] of Object.entries(cases)) {
			const absent = whenAbsent(url);
			expect(absent, url).toMatchObject({status: 'not-ours', why: expect.stringMatching(named)});
			expect(JSON.stringify(absent)).not.toContain('s3cret');
		}
	});

	it('refuses a REDIS_URL it cannot read before trying anything, in its words', async () => {
		const refused = ensureRedis({url: 'redis+cluster://127.0.0.1:7000/0', dataDir: '/nonexistent'});
		await expect(refused).rejects.toBeInstanceOf(ConfigError);
		await expect(refused).rejects.toThrow(/^REDIS_URL: a cluster URL takes no path/);
	});
});
