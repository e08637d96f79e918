import {request, type IncomingHttpHeaders} from 'node:http';
import S3rver from 's3rver';

/** s3rver's built-in account; it checks signatures made with these. */
export const S3RVER_CREDENTIALS = {AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER'} as const;

export interface StartedS3 {
	readonly endpoint: string;
	readonly bucket: string;
	stop(): Promise<void>;
}

/** A real S3-compatible server on loopback, keeping its objects in `dir`, with one empty bucket. */
export const startS3Server = async ({port, dir, bucket = 'billcast-test'}: {port: number; dir: string; bucket?: string}): Promise<StartedS3> => {
	const server = new S3rver({address: '127.0.0.1', port, directory: dir, silent: true, configureBuckets: [{name: bucket, configs: []}]});
	await server.run();
	return {endpoint: `http://127.0.0.1:${port}`, bucket, stop: () => server.close()};
};

/** The environment that points billcast at the suite's s3rver, under a prefix of its own so test files never mix. */
export const s3StorageEnv = (s3: {endpoint: string; bucket: string}, {prefix, serve}: {prefix: string; serve: 'redirect' | 'stream'}) => ({
	...S3RVER_CREDENTIALS,
	BILLCAST_STORAGE: 's3',
	BILLCAST_S3_BUCKET: s3.bucket,
	BILLCAST_S3_PREFIX: prefix,
	BILLCAST_S3_ENDPOINT: s3.endpoint,
	BILLCAST_S3_REGION: 'us-east-1',
	BILLCAST_S3_FORCE_PATH_STYLE: 'true',
	BILLCAST_S3_SERVE: serve,
});

/**
 * A GET with only the headers given, as a link opened from a message or an <img> asks: fetch() would add
 * Sec-Fetch-Mode: cors, which redirect mode answers with the bytes. The body is not read.
 */
export const getLikeALink = (url: string, headers: Record<string, string> = {}) =>
	new Promise<{status: number; headers: IncomingHttpHeaders}>((resolve, reject) => {
		request(url, {headers}, (res) => {
			res.resume();
			resolve({status: res.statusCode!, headers: res.headers});
		})
			.on('error', reject)
			.end();
	});
