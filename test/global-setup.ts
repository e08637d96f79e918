import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {TestProject} from 'vitest/node';
import {bundleCompositions} from '../server/worker/bundle';
import {startRedisServer, type StartedRedis} from '../server/dev/ensure-redis';
import {buildPlayerBundle} from '../server/watch/player-bundle';
import {freePort} from './helpers/free-port';
import {startS3Server, type StartedS3} from './helpers/s3-server';

let redis: StartedRedis | undefined;
let s3: StartedS3 | undefined;

/**
 * A real Redis for the suite (BILLCAST_TEST_REDIS_URL, else a private redis-server on a free port), a real S3-compatible
 * server (s3rver) on a free port with an empty bucket, and one bundle.
 */
export default async function setup(project: TestProject) {
	const given = process.env.BILLCAST_TEST_REDIS_URL;
	const redisDir = await mkdtemp(join(tmpdir(), 'billcast-redis-'));
	const bundleDir = await mkdtemp(join(tmpdir(), 'billcast-bundle-'));
	const s3Dir = await mkdtemp(join(tmpdir(), 'billcast-s3-'));
	s3 = await startS3Server({port: await freePort(), dir: s3Dir});
	project.provide('s3', {endpoint: s3.endpoint, bucket: s3.bucket});
	if (!given) redis = await startRedisServer({port: await freePort(), dir: redisDir});
	project.provide('redisUrl', given ?? redis!.url);
	// Always rebuilt, so browser tests never run a player older than its sources.
	await buildPlayerBundle();
	project.provide('serveUrl', await bundleCompositions({outDir: bundleDir}));
	return async () => {
		await Promise.all([redis?.stop(), s3?.stop()]);
		await Promise.all([redisDir, bundleDir, s3Dir].map((dir) => rm(dir, {recursive: true, force: true})));
	};
}
