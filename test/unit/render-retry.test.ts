import {describe, expect, it} from 'vitest';
import {LogoUnavailableError} from '../../server/worker/logo-inline';
import {renderRetryBackoff} from '../../server/worker/render-retry';

describe('renderRetryBackoff', () => {
	it('backs off after a failure on the network, and after nothing else', () => {
		const backoff = {type: 'exponential', delay: 60_000, jitter: 0.25};
		expect(renderRetryBackoff(new LogoUnavailableError({transient: true}), 60_000)).toEqual(backoff);
		// Storage that refuses connections, as the AWS SDK and undici pass Node's error on, as the error or its cause.
		expect(renderRetryBackoff(Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'}), 60_000)).toEqual(backoff);
		expect(renderRetryBackoff(new TypeError('fetch failed', {cause: Object.assign(new Error('getaddrinfo EAI_AGAIN s3.example'), {code: 'EAI_AGAIN'})}), 60_000)).toEqual(backoff);
		// A logo the guard refuses or that answers 404, a crashed browser: the next attempt comes at once, as before.
		expect(renderRetryBackoff(new LogoUnavailableError({transient: false}), 60_000)).toBeUndefined();
		expect(renderRetryBackoff(new Error('Target closed'), 60_000)).toBeUndefined();
		expect(renderRetryBackoff('not an error', 60_000)).toBeUndefined();
	});
});
