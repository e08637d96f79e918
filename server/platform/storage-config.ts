import {z} from 'zod';

const storageServeModes = ['redirect', 'stream'] as const;
export type StorageServeMode = (typeof storageServeModes)[number];

export interface S3StorageConfig {
	readonly kind: 's3';
	readonly bucket: string;
	/** Put before every key; empty or ending in `/`. */
	readonly prefix: string;
	/** An S3-compatible service's address; AWS's own when unset. */
	readonly endpoint: string | undefined;
	readonly region: string;
	readonly forcePathStyle: boolean;
	/** How the API hands out an object: a 302 to a presigned URL, or the bytes through itself. */
	readonly serve: StorageServeMode;
}

export type StorageConfig = {readonly kind: 'local'; readonly dir: string} | S3StorageConfig;

const blankAsUnset = z
	.string()
	.optional()
	.transform((value) => (value === '' ? undefined : value));

/** The storage variables of the environment, merged into the config schema. */
export const storageEnvShape = {
	BILLCAST_STORAGE: z.enum(['local', 's3']).default('local'),
	BILLCAST_S3_BUCKET: blankAsUnset.pipe(
		z
			.string()
			.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3–63 lower-case letters, digits, dots, hyphens)')
			.optional(),
	),
	BILLCAST_S3_PREFIX: blankAsUnset.pipe(
		z
			.string()
			.regex(/^[^/].*$/, 'must not start with /')
			.transform((prefix) => (prefix.endsWith('/') ? prefix : `${prefix}/`))
			.optional(),
	),
	BILLCAST_S3_ENDPOINT: blankAsUnset.pipe(z.url({protocol: /^https?$/}).optional()),
	BILLCAST_S3_REGION: blankAsUnset.pipe(z.string().regex(/^[a-z0-9-]+$/, 'must look like eu-west-1').optional()),
	BILLCAST_S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).default('false'),
	BILLCAST_S3_SERVE: z.enum(storageServeModes).default('redirect'),
};

type StorageEnv = z.infer<z.ZodObject<typeof storageEnvShape>>;

/** S3 needs a bucket; every other variable has a default. */
export const storageEnvProblem = (env: StorageEnv): {path: string; message: string} | undefined =>
	env.BILLCAST_STORAGE === 's3' && !env.BILLCAST_S3_BUCKET ? {path: 'BILLCAST_S3_BUCKET', message: 'must be set when BILLCAST_STORAGE=s3'} : undefined;

export const storageConfigOf = (env: StorageEnv, {rendersDir, awsRegion}: {rendersDir: string; awsRegion: string | undefined}): StorageConfig =>
	env.BILLCAST_STORAGE === 'local'
		? {kind: 'local', dir: rendersDir}
		: {
				kind: 's3',
				bucket: env.BILLCAST_S3_BUCKET!,
				prefix: env.BILLCAST_S3_PREFIX ?? '',
				endpoint: env.BILLCAST_S3_ENDPOINT,
				region: env.BILLCAST_S3_REGION ?? awsRegion ?? 'us-east-1',
				forcePathStyle: env.BILLCAST_S3_FORCE_PATH_STYLE === 'true' || env.BILLCAST_S3_FORCE_PATH_STYLE === '1',
				serve: env.BILLCAST_S3_SERVE,
			};
