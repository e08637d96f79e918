import {randomUUID} from 'node:crypto';
import {expect, inject} from 'vitest';
import {s3StorageEnv} from './s3-server';
import {shortBill} from './short-bill';
import {startTestStack, waitForRender, type TestStack} from './test-stack';

/**
 * A stack storing its outputs in the test s3rver (served as `serve` says), with one short bill rendered there: what the
 * S3 tests look at. The AWS SDK reads the credentials from the environment, as it does in production.
 */
export const startS3RenderedStack = async ({name, serve}: {name: string; serve: 'redirect' | 'stream'}): Promise<{stack: TestStack; renderId: string}> => {
	const env = s3StorageEnv(inject('s3'), {prefix: `${name}-${randomUUID().slice(0, 8)}`, serve});
	Object.assign(process.env, {AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY});
	const stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: true, storageEnv: env});
	const created = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {...stack.auth, 'content-type': 'application/json'},
		body: JSON.stringify({template: 'telco-bill', bill: shortBill, scale: 0.2}),
	});
	const renderId = ((await created.json()) as {id: string}).id;
	expect(await waitForRender(stack, renderId)).toMatchObject({status: 'completed'});
	return {stack, renderId};
};
