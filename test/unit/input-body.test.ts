import {createHash} from 'node:crypto';
import type {IncomingMessage} from 'node:http';
import type {AddressInfo} from 'node:net';
import {PassThrough} from 'node:stream';
import {gzipSync} from 'node:zlib';
import express from 'express';
import {describe, expect, it} from 'vitest';
import {decodedBody} from '../../server/batches/batch-body';
import {BatchTooLargeError, ClientClosedError} from '../../server/batches/batch-errors';
import {problemErrorHandler} from '../../server/platform/problem';

/** A request whose gzipped body has arrived whole, as a small compressed body does in a millisecond. */
const gzippedRequest = (bytes: Buffer): IncomingMessage => {
	const req = new PassThrough() as unknown as IncomingMessage & PassThrough;
	req.headers = {'content-encoding': 'gzip'};
	req.end(gzipSync(bytes));
	return req;
};

const readAll = async (body: AsyncIterable<Buffer>, afterFirst = () => undefined as void) => {
	let bytes = 0;
	for await (const chunk of body) {
		if (bytes === 0) afterFirst();
		bytes += chunk.length;
	}
	return bytes;
};

describe('a streamed batch body', () => {
	it('is capped after its Content-Encoding is undone, naming the limit', async () => {
		const limits = {maxBytes: 64 * 1024, maxBytesText: '64kb', signal: new AbortController().signal};
		const body = decodedBody(gzippedRequest(Buffer.alloc(1024 * 1024, '\n')), createHash('sha256'), limits);
		const refused = readAll(body);
		await expect(refused).rejects.toBeInstanceOf(BatchTooLargeError);
		await expect(refused).rejects.toMatchObject({status: 413, message: expect.stringContaining('the limit of 64kb')});
	});

	it('stops being decoded once the client has gone, though all of it had arrived', async () => {
		const gone = new AbortController();
		const limits = {maxBytes: Number.MAX_SAFE_INTEGER, maxBytesText: 'unlimited', signal: gone.signal};
		const body = decodedBody(gzippedRequest(Buffer.alloc(16 * 1024 * 1024, '\n')), createHash('sha256'), limits);
		await expect(readAll(body, () => gone.abort())).rejects.toBeInstanceOf(ClientClosedError);
	});
});

describe('a body over its route’s limit', () => {
	it('is refused naming that limit, not the global one', async () => {
		const app = express();
		app.post('/events', express.text({limit: '4kb'}), (_req, res) => res.sendStatus(204));
		app.use(problemErrorHandler({bodyLimit: '2mb', log: () => undefined}));
		const server = app.listen(0, '127.0.0.1');
		await new Promise((resolve) => server.once('listening', resolve));
		try {
			const {port} = server.address() as AddressInfo;
			const answer = await fetch(`http://127.0.0.1:${port}/events`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: 'x'.repeat(5 * 1024)});
			expect(answer.status).toBe(413);
			expect(await answer.json()).toMatchObject({code: 'payload_too_large', detail: 'The request body exceeds the limit of 4kb.'});
		} finally {
			server.close();
		}
	});
});
