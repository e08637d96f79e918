import {createReadStream} from 'node:fs';
import type {Readable} from 'node:stream';
import {
	DeleteObjectsCommand,
	GetObjectCommand,
	HeadBucketCommand,
	HeadObjectCommand,
	paginateListObjectsV2,
	S3Client,
	S3ServiceException,
} from '@aws-sdk/client-s3';
import {Upload} from '@aws-sdk/lib-storage';
import {getSignedUrl} from '@aws-sdk/s3-request-presigner';
import {ConfigError} from '../platform/errors';
import type {RenderStorage} from './render-storage';
import type {S3StorageConfig} from '../platform/storage-config';

const isMissing = (error: unknown) =>
	error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey' || error.name === 'NotFound');

/** DeleteObjects takes at most this many keys a request. */
const DELETE_BATCH = 1000;

/** Where path-style or virtual-hosted addresses of this bucket point, as the presigner builds them. */
const originOf = ({bucket, endpoint, region, forcePathStyle}: S3StorageConfig): string => {
	const base = new URL(endpoint ?? `https://s3.${region}.amazonaws.com`);
	return forcePathStyle ? base.origin : `${base.protocol}//${bucket}.${base.host}`;
};

/** Long enough for the SDK's three tries at a slow endpoint; an address that swallows packets fails the start, not hangs it. */
const CHECK_TIMEOUT_MS = 15_000;

/** Why HeadBucket failed, as the one line a main prints: the variable to fix, the bucket and where it was looked for. */
const bucketProblem = (error: unknown, {bucket, endpoint, region}: S3StorageConfig): ConfigError => {
	const where = endpoint ?? `AWS S3 (${region})`;
	const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
	if (status === 404) return new ConfigError(`BILLCAST_S3_BUCKET: there is no bucket "${bucket}" at ${where} (create it, or fix BILLCAST_S3_BUCKET or BILLCAST_S3_ENDPOINT)`);
	if (status === 403) {
		return new ConfigError(
			`BILLCAST_S3_BUCKET: the bucket "${bucket}" at ${where} refuses these credentials (403): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or the machine's role, which needs s3:ListBucket on it`,
		);
	}
	// A bucket in another region answers 301; the SDK names the region it found in the message.
	if (status === 301 || status === 400) return new ConfigError(`BILLCAST_S3_REGION: the bucket "${bucket}" at ${where} is not in ${region} (${status}: ${(error as Error).message || (error as Error).name})`);
	const reason = error instanceof Error ? error.message || error.name : String(error);
	return new ConfigError(`BILLCAST_S3_ENDPOINT: ${where} does not answer for the bucket "${bucket}" (${status ? `${status}: ` : ''}${reason})`);
};

/**
 * Render outputs as objects `<prefix><renderId>/<file>` in an S3-compatible bucket, through the AWS SDK v3: uploads are
 * multipart past 5 MiB (lib-storage), so a video is streamed up without being held in memory. Credentials come from
 * the SDK's usual chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, or the machine's role).
 */
export const makeS3Storage = (config: S3StorageConfig, client = makeS3Client(config)): RenderStorage => {
	const {bucket, prefix} = config;
	const objectKey = (key: string) => `${prefix}${key}`;
	const storage: RenderStorage = {
		kind: 's3',
		async put(key, body, contentType) {
			await new Upload({client, params: {Bucket: bucket, Key: objectKey(key), Body: body, ContentType: contentType}}).done();
		},
		putFile: (key, file, contentType) => storage.put(key, createReadStream(file), contentType),
		async stat(key) {
			try {
				const head = await client.send(new HeadObjectCommand({Bucket: bucket, Key: objectKey(key)}));
				return {key, bytes: head.ContentLength ?? 0, modifiedMs: head.LastModified?.getTime() ?? 0};
			} catch (error) {
				if (isMissing(error)) return undefined;
				throw error;
			}
		},
		async exists(key) {
			return (await storage.stat(key)) !== undefined;
		},
		async read(key, range) {
			try {
				const got = await client.send(
					new GetObjectCommand({Bucket: bucket, Key: objectKey(key), ...(range ? {Range: `bytes=${range.start}-${range.end}`} : {})}),
				);
				return got.Body as Readable;
			} catch (error) {
				if (isMissing(error)) return undefined;
				throw error;
			}
		},
		async delete(keys) {
			for (let i = 0; i < keys.length; i += DELETE_BATCH) {
				const batch = keys.slice(i, i + DELETE_BATCH).map((key) => ({Key: objectKey(key)}));
				const answer = await client.send(new DeleteObjectsCommand({Bucket: bucket, Delete: {Objects: batch, Quiet: true}}));
				if (answer.Errors?.length) throw new Error(`S3 kept ${answer.Errors.length} objects: ${answer.Errors[0]?.Key} ${answer.Errors[0]?.Message}`);
			}
		},
		async *list(listPrefix) {
			for await (const page of paginateListObjectsV2({client}, {Bucket: bucket, Prefix: objectKey(listPrefix)})) {
				for (const object of page.Contents ?? []) {
					if (!object.Key) continue;
					yield {key: object.Key.slice(prefix.length), bytes: object.Size ?? 0, modifiedMs: object.LastModified?.getTime() ?? 0};
				}
			}
		},
		signedUrl: (key, {expiresInSeconds, contentType}) =>
			getSignedUrl(client, new GetObjectCommand({Bucket: bucket, Key: objectKey(key), ResponseContentType: contentType}), {expiresIn: expiresInSeconds}),
		signedUrlOrigin: originOf(config),
		async check() {
			try {
				await client.send(new HeadBucketCommand({Bucket: bucket}), {abortSignal: AbortSignal.timeout(CHECK_TIMEOUT_MS)});
			} catch (error) {
				throw bucketProblem(error, config);
			}
		},
		// A multipart upload cut short by a killed worker is invisible to readers; the bucket's lifecycle rule
		// (AbortIncompleteMultipartUpload, see README) reclaims its parts.
		removeStalePartials: async () => 0,
	};
	return storage;
};

export const makeS3Client = ({region, endpoint, forcePathStyle}: S3StorageConfig): S3Client => {
	// The SDK prints eight lines to stderr from every process on Node 20, outside the JSON log: its versions published
	// after January 2027 will need Node 22. billcast pins its SDK version, which runs on Node 20; moving to Node 22 is
	// the upgrade that lets the SDK be updated after that (README, "Storage"). Its own switch silences that one warning;
	// an operator who sets it to anything else sees it again.
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
	return new S3Client({
		region,
		...(endpoint ? {endpoint} : {}),
		forcePathStyle,
		// Checksums only where S3 requires them: S3-compatible stores differ in which of the newer checksum headers they know.
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED',
	});
};
