import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';

/** A stand-in for a tenant's checkout on 127.0.0.1: records each visit's query so a test can check what was asked. */
export const startCheckoutServer = async () => {
	const visits: URLSearchParams[] = [];
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (url.pathname === '/checkout') visits.push(url.searchParams);
		res.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end('<!doctype html><title>Checkout</title><h1>Test checkout</h1>');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		host,
		payUrl: `http://${host}/checkout`,
		visits,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
};
