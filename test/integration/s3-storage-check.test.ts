import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {S3Client} from '@aws-sdk/client-s3';
import {beforeAll, describe, expect, inject, it} from 'vitest';
import {loadConfig} from '../../server/platform/config';
import {ConfigError} from '../../server/platform/errors';
import type {S3StorageConfig} from '../../server/platform/storage-config';
import {makeLocalStorage} from '../../server/storage/local-storage';
import {makeS3Storage} from '../../server/storage/s3-storage';
import {freePort} from '../helpers/free-port';
import {S3RVER_CREDENTIALS, s3StorageEnv} from '../helpers/s3-server';

/** The storage configuration a process would load, with some of it changed. */
const s3Config = (changes: {bucket?: string; endpoint?: string} = {}): S3StorageConfig => {
	const s3 = {...inject('s3'), ...changes};
	return loadConfig(s3StorageEnv(s3, {prefix: 'check', serve: 'redirect'})).storage as S3StorageConfig;
};

/** The one line a main prints for the storage's start-up check; undefined when the storage is usable. */
const checkLine = async (check: () => Promise<void>): Promise<string | undefined> => {
	try {
		await check();
		return undefined;
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		expect((error as Error).message).not.toContain('\n');
		return (error as Error).message;
	}
};

/**
 * A missing bucket used to be found by the first render (three failed attempts, shown to the tenant as render_failed)
 * while the API and workers reported ready: the check a main makes at start names it instead.
 */
describe('the storage check made at start', () => {
	beforeAll(() => {
		Object.assign(process.env, S3RVER_CREDENTIALS);
	});

	it('passes for the bucket that exists', async () => {
		expect(await checkLine(() => makeS3Storage(s3Config()).check())).toBeUndefined();
	});

	it('names a bucket that does not exist and the endpoint it was looked for at', async () => {
		const config = s3Config({bucket: 'no-such-bucket'});
		expect(await checkLine(() => makeS3Storage(config).check())).toBe(
			`BILLCAST_S3_BUCKET: there is no bucket "no-such-bucket" at ${config.endpoint} (create it, or fix BILLCAST_S3_BUCKET or BILLCAST_S3_ENDPOINT)`,
		);
	});

	it('names credentials the bucket refuses', async () => {
		const config = s3Config();
		const client = new S3Client({
			region: config.region,
			endpoint: config.endpoint,
			forcePathStyle: true,
			credentials: {accessKeyId: 'NOT-S3RVER', secretAccessKey: 'wrong'},
		});
		expect(await checkLine(() => makeS3Storage(config, client).check())).toMatch(
			new RegExp(`^BILLCAST_S3_BUCKET: the bucket "${config.bucket}" at ${config.endpoint} refuses these credentials \\(403\\)`),
		);
	});

	it('names an endpoint where nothing answers', async () => {
		const endpoint = `http://127.0.0.1:${await freePort()}`;
		expect(await checkLine(() => makeS3Storage(s3Config({endpoint})).check())).toMatch(
			new RegExp(`^BILLCAST_S3_ENDPOINT: ${endpoint} does not answer for the bucket "${inject('s3').bucket}" \\(.*ECONNREFUSED`),
		);
	});

	it('makes the local folder, and names one that cannot be made', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'billcast-storage-check-'));
		try {
			expect(await checkLine(() => makeLocalStorage({dir: join(dir, 'renders')}).check())).toBeUndefined();
			await writeFile(join(dir, 'a-file'), '');
			expect(await checkLine(() => makeLocalStorage({dir: join(dir, 'a-file', 'renders')}).check())).toBe(
				`BILLCAST_RENDERS_DIR: ${join(dir, 'a-file', 'renders')} cannot be written (ENOTDIR)`,
			);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});
});
