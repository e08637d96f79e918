import {inject} from 'vitest';
import {makeLogger} from '../../server/platform/logger';
import {resolveBrowserExecutable} from '../../server/worker/browser-executable';
import {makeRenderWorker, type RenderWorker} from '../../server/worker/render-worker';
import {startTestStack, type TestStack} from './test-stack';

type WorkerOptions = Parameters<typeof makeRenderWorker>[0];

/**
 * The stack's services with a render worker the test sets up itself (its retry backoff, its locks, its logger, its
 * DNS), where the stack's own worker has production's.
 */
export const startStackWithOwnWorker = async (
	options: Partial<Pick<WorkerOptions, 'logger' | 'retryBaseMs' | 'outbound' | 'locks'>>,
): Promise<{stack: TestStack; worker: RenderWorker}> => {
	const stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
	const browserExecutable = resolveBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE);
	if (!browserExecutable) throw new Error('No Chromium: run `npm run setup`');
	const worker = await makeRenderWorker({
		connection: stack.redis,
		queue: stack.queue,
		serveUrl: inject('serveUrl'),
		storage: stack.storage,
		browserExecutable,
		store: stack.store,
		webhooks: stack.services.webhooks,
		metrics: stack.metrics,
		logger: makeLogger({service: 'worker', level: 'silent'}),
		...options,
	});
	return {stack, worker};
};
