import type {AddressInfo} from 'node:net';
import express from 'express';
import {expect, it} from 'vitest';
import {problemErrorHandler} from '../../server/platform/problem';

/** An error as ioredis raises it: its class name and its message, nothing else to go on. */
const ioredisError = (name: string, message: string) => Object.assign(new Error(message), {name});

/** What the app answers when a route fails with `error` on a Redis client that still says it is ready. */
const answerTo = async (error: Error) => {
	const app = express();
	app.get('/v1/renders/:id', () => {
		throw error;
	});
	const logged: unknown[] = [];
	// A cluster client stays `ready` while one master fails over.
	app.use(problemErrorHandler({bodyLimit: '2mb', log: (_message, cause) => logged.push(cause), redisReady: () => true}));
	const server = app.listen(0, '127.0.0.1');
	await new Promise((resolve) => server.once('listening', resolve));
	try {
		const {port} = server.address() as AddressInfo;
		const answer = await fetch(`http://127.0.0.1:${port}/v1/renders/r1`);
		return {status: answer.status, type: answer.headers.get('content-type'), retryAfter: answer.headers.get('retry-after'), body: await answer.json(), logged};
	} finally {
		server.close();
	}
};

// The audit: a GET caught by a cluster master's failover answered 500 internal_error, the API logging this AbortError.
it.each([
	['AbortError', 'Command aborted due to connection close'],
	['ClusterAllFailedError', 'Failed to refresh slots cache.'],
	['ReplyError', 'CLUSTERDOWN The cluster is down'],
	['ReplyError', 'LOADING Redis is loading the dataset in memory'],
	['Error', 'Too many Cluster redirections. Last error: Error: Connection is closed.'],
	['Error', 'None of startup nodes is available'],
])('a %s "%s" from a ready cluster client is the outage: 503 problem+json', async (name, message) => {
	const answer = await answerTo(ioredisError(name, message));
	expect(answer).toMatchObject({status: 503, retryAfter: '5', body: {code: 'service_unavailable', status: 503}, logged: []});
	expect(answer.type).toContain('application/problem+json');
});

it('a bug that mentions loading is still a 500, logged', async () => {
	const answer = await answerTo(new TypeError('Error loading the template: x is undefined'));
	expect(answer).toMatchObject({status: 500, body: {code: 'internal_error'}});
	expect(answer.logged).toHaveLength(1);
});
