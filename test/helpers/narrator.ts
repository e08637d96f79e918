import {join} from 'node:path';
import {makeLogger} from '../../server/platform/logger';
import type {NarrationConfig} from '../../server/voice/narration-config';
import {createSpeechCache} from '../../server/voice/speech-cache';
import {makeNarrationWorker} from '../../server/worker/narration-worker';
import type {TestStack} from './test-stack';

/** The narration worker a worker process runs beside its renders, on a test stack, for tests that want voices made apart from renders. */
export const startNarrator = ({stack, narration, logLevel = 'silent'}: {stack: TestStack; narration: NarrationConfig; logLevel?: 'silent' | 'info'}) =>
	makeNarrationWorker({
		connection: stack.redis,
		renderQueueName: stack.queue.queue.name,
		storage: stack.storage,
		store: stack.store,
		cache: createSpeechCache({dir: join(stack.rendersDir, '..', 'speech-cache')}),
		narrationFor: () => narration,
		logger: makeLogger({service: 'worker', level: logLevel}),
	});
