import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {storageEnvShape} from '../../server/platform/storage-config';

interface Service {
	environment?: Record<string, string>;
	depends_on?: Record<string, {condition: string}>;
	healthcheck?: {test: string[]};
	ports?: string[];
}
const compose = parse(readFileSync(resolve(import.meta.dirname, '../../compose.yaml'), 'utf8'), {merge: true}) as {services: Record<string, Service>};
const {api, worker} = compose.services;

describe("compose.yaml's storage, from a browser on the host", () => {
	// Every link was a presigned URL on http://s3:4568, which only the containers resolve (the s3 service publishes no port).
	it('sends no browser to an address only the containers know', () => {
		expect(compose.services.s3!.ports).toBeUndefined();
		for (const service of [api!, worker!]) {
			const env = service.environment!;
			expect(new URL(env.BILLCAST_S3_ENDPOINT!).hostname).toBe('s3');
			expect(storageEnvShape.BILLCAST_S3_SERVE.parse(env.BILLCAST_S3_SERVE)).toBe('stream');
		}
	});

	// The API and the workers stop at start when the bucket does not answer, and npx takes a while to fetch s3rver.
	it('starts the API and the workers once the bucket answers', () => {
		expect(compose.services.s3!.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:4568/');
		for (const service of [api!, worker!]) expect(service.depends_on?.s3).toEqual({condition: 'service_healthy'});
	});
});
