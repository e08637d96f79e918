import 'vitest';

declare module 'vitest' {
	export interface ProvidedContext {
		redisUrl: string;
		serveUrl: string;
		/** s3rver's address and its one bucket; the credentials are S3RVER_CREDENTIALS. */
		s3: {endpoint: string; bucket: string};
	}
}
