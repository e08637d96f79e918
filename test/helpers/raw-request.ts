import {request} from 'node:http';

export interface RawAnswer {
	readonly status: number;
	readonly type: string | undefined;
	readonly body: string;
}

/** A raw request, so headers and bodies fetch would refuse or fix up reach the server as sent. */
export const rawRequest = (url: string, {method = 'GET', headers = {}, body}: {method?: string; headers?: Record<string, string>; body?: Buffer | string} = {}) =>
	new Promise<RawAnswer>((resolve, reject) => {
		const req = request(url, {method, headers}, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (text += chunk));
			res.on('end', () => resolve({status: res.statusCode!, type: res.headers['content-type'], body: text}));
		});
		req.on('error', reject);
		req.end(body);
	});
