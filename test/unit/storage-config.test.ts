import {describe, expect, it} from 'vitest';
import {loadConfig} from '../../server/platform/config';
import {ConfigError} from '../../server/platform/errors';

const base = {BILLCAST_DATA_DIR: '/srv/billcast', BILLCAST_WATCH_SECRET: 'w'.repeat(32)};
const s3 = {...base, BILLCAST_STORAGE: 's3', BILLCAST_S3_BUCKET: 'acme-bills'};

describe('storage configuration, checked at start', () => {
	it('keeps renders in the local folder by default, where `npm start` always kept them', () => {
		expect(loadConfig(base).storage).toEqual({kind: 'local', dir: '/srv/billcast/renders'});
		expect(loadConfig({...base, BILLCAST_RENDERS_DIR: '/mnt/renders'}).storage).toEqual({kind: 'local', dir: '/mnt/renders'});
	});

	it('reads every S3 variable, with a redirect, virtual-hosted addresses and the AWS region as defaults', () => {
		expect(loadConfig({...s3, AWS_REGION: 'eu-west-1'}).storage).toEqual({
			kind: 's3',
			bucket: 'acme-bills',
			prefix: '',
			endpoint: undefined,
			region: 'eu-west-1',
			forcePathStyle: false,
			serve: 'redirect',
		});
		expect(
			loadConfig({
				...s3,
				BILLCAST_S3_PREFIX: 'billcast/renders',
				BILLCAST_S3_ENDPOINT: 'http://127.0.0.1:9000',
				BILLCAST_S3_REGION: 'us-east-1',
				BILLCAST_S3_FORCE_PATH_STYLE: '1',
				BILLCAST_S3_SERVE: 'stream',
			}).storage,
		).toEqual({kind: 's3', bucket: 'acme-bills', prefix: 'billcast/renders/', endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', forcePathStyle: true, serve: 'stream'});
	});

	it.each([
		[{BILLCAST_STORAGE: 'gcs'}, 'BILLCAST_STORAGE'],
		[{BILLCAST_STORAGE: 's3'}, 'BILLCAST_S3_BUCKET: must be set when BILLCAST_STORAGE=s3'],
		[{...s3, BILLCAST_S3_BUCKET: 'Acme_Bills'}, 'BILLCAST_S3_BUCKET: must be an S3 bucket name'],
		[{...s3, BILLCAST_S3_PREFIX: '/renders'}, 'BILLCAST_S3_PREFIX: must not start with /'],
		[{...s3, BILLCAST_S3_ENDPOINT: 'ftp://storage.local'}, 'BILLCAST_S3_ENDPOINT'],
		[{...s3, BILLCAST_S3_REGION: 'EU West'}, 'BILLCAST_S3_REGION: must look like eu-west-1'],
		[{...s3, BILLCAST_S3_FORCE_PATH_STYLE: 'yes'}, 'BILLCAST_S3_FORCE_PATH_STYLE'],
		[{...s3, BILLCAST_S3_SERVE: 'proxy'}, 'BILLCAST_S3_SERVE'],
	])('stops a start with %o, naming the variable', (env, named) => {
		expect(() => loadConfig({...base, ...env})).toThrow(ConfigError);
		expect(() => loadConfig({...base, ...env})).toThrow(named);
	});
});
