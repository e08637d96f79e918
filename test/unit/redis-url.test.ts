import {describe, expect, it} from 'vitest';
import {redisUrlSchema} from '../../server/platform/redis-connection';
import {loadConfig} from '../../server/platform/config';

const problemOf = (url: string) => {
	const parsed = redisUrlSchema.safeParse(url);
	return parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message).join('; ');
};

describe('REDIS_URL', () => {
	it('leaves one server to ioredis as written', () => {
		expect(redisUrlSchema.parse('redis://:secret@10.0.0.5:6380/2')).toEqual({kind: 'single', url: 'redis://:secret@10.0.0.5:6380/2'});
		expect(redisUrlSchema.parse('rediss://cache.example:6380')).toMatchObject({kind: 'single'});
	});

	it('reads a Sentinel configuration: the sentinels, the master name, credentials and database', () => {
		expect(redisUrlSchema.parse('redis+sentinel://:s%40cret@10.0.0.1:26379,sentinel-2.internal:26380,[::1]:26381/billcast-master/3')).toEqual({
			kind: 'sentinel',
			sentinels: [
				{host: '10.0.0.1', port: 26379},
				{host: 'sentinel-2.internal', port: 26380},
				{host: '::1', port: 26381},
			],
			name: 'billcast-master',
			db: 3,
			username: undefined,
			password: 's@cret',
			tls: false,
		});
		expect(redisUrlSchema.parse('rediss+sentinel://a:26379/m')).toMatchObject({kind: 'sentinel', tls: true, name: 'm'});
	});

	it('reads a cluster configuration', () => {
		expect(redisUrlSchema.parse('redis+cluster://app:pw@10.0.0.1:7000,10.0.0.2:7001')).toEqual({
			kind: 'cluster',
			nodes: [
				{host: '10.0.0.1', port: 7000},
				{host: '10.0.0.2', port: 7001},
			],
			username: 'app',
			password: 'pw',
			tls: false,
		});
	});

	it('names what is wrong in words an operator can act on', () => {
		expect(problemOf('http://localhost:6379')).toMatch(/must be one of redis:\/\/.*redis\+sentinel:\/\/.*redis\+cluster:\/\//);
		expect(problemOf('redis+sentinel://10.0.0.1:26379')).toMatch(/name the master after the hosts/);
		expect(problemOf('redis+sentinel://10.0.0.1/mymaster')).toMatch(/host:port/);
		expect(problemOf('redis+cluster://10.0.0.1:7000,10.0.0.2:99999')).toMatch(/1 to 65535/);
		expect(problemOf('redis+cluster://10.0.0.1:7000/0')).toMatch(/a cluster URL takes no path/);
		expect(() => loadConfig({REDIS_URL: 'redis+sentinel://10.0.0.1:26379', BILLCAST_WATCH_SECRET: 'x'.repeat(32)})).toThrow(/REDIS_URL.*name the master/s);
	});
});
