import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {logoUrlPolicyError} from '../../server/renders/logo-url-policy';
import {fetchLogoAsDataUrl, LogoUnavailableError} from '../../server/worker/logo-inline';
import {isPublicAddress, makeOutboundGuard, OutboundAddressError, outboundUrlProblem, type Resolve} from '../../server/platform/outbound-guard';

const strict = {allowLoopback: false};

describe('outbound guard', () => {
	let server: Server;
	let port: number;
	let connections = 0;
	beforeAll(async () => {
		server = createServer((_req, res) => res.end('ok'));
		server.on('connection', () => connections++);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.address() as AddressInfo).port;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));

	it('refuses loopback, private, link-local, metadata, CGNAT, multicast and unspecified addresses in every spelling', () => {
		const refused = [
			'http://127.0.0.1/',
			'http://localhost/',
			'http://LOCALHOST./',
			'http://[::1]/',
			'http://evil.localhost/',
			'http://2130706433/',
			'http://0x7f.1/',
			'http://0177.0.0.1/',
			'http://0/',
			'http://127.1/',
			'http://[::ffff:127.0.0.1]/',
			'http://[::ffff:7f00:1]/',
			'http://[::]/',
			'http://10.1.2.3/',
			'http://172.16.0.1/',
			'http://192.168.1.1/',
			'http://169.254.169.254/latest/meta-data/',
			'http://[fd00:ec2::254]/',
			'http://[fe80::1]/',
			'http://100.64.0.1/',
			'http://100.100.100.200/',
			'http://224.0.0.1/',
			'http://255.255.255.255/',
			'http://[64:ff9b::7f00:1]/',
			'http://[2002:7f00:1::]/',
			`http://127.0.0.1:6379/`,
		];
		for (const url of refused) expect(outboundUrlProblem(url, strict), url).toBe(new OutboundAddressError(url).message);
		for (const url of ['https://hooks.example.com/billcast', 'https://93.184.216.34/', 'https://[2606:4700:4700::1111]/']) {
			expect(outboundUrlProblem(url, strict), url).toBeUndefined();
		}
		expect(outboundUrlProblem('ftp://example.com/', strict)).toBe('must be an http(s) URL');
		expect(isPublicAddress('8.8.8.8', strict)).toBe(true);
		expect(isPublicAddress('not an address', strict)).toBe(false);
	});

	it('lets the development switch reach loopback only, never private or metadata addresses', () => {
		const dev = {allowLoopback: true};
		expect(outboundUrlProblem(`http://127.0.0.1:${4000}/`, dev)).toBeUndefined();
		expect(outboundUrlProblem('http://localhost/', dev)).toBeUndefined();
		expect(outboundUrlProblem('http://10.0.0.1/', dev)).toBeDefined();
		expect(outboundUrlProblem('http://169.254.169.254/', dev)).toBeDefined();
	});

	it('never connects to a refused literal address', async () => {
		const guard = makeOutboundGuard({policy: strict});
		const before = connections;
		for (const host of ['127.0.0.1', '2130706433', '0x7f.1', '127.1', 'localhost', '[::ffff:127.0.0.1]']) {
			await expect(guard.fetch(`http://${host}:${port}/`)).rejects.toBeInstanceOf(OutboundAddressError);
		}
		expect(connections).toBe(before);
		await guard.close();
	});

	it('checks the addresses a name resolves to when connecting, so DNS rebinding to loopback is refused', async () => {
		// A name that passed validation as public and now resolves to loopback.
		const rebinding: Resolve = (_hostname, _options, callback) => callback(null, [{address: '127.0.0.1', family: 4}]);
		const before = connections;
		const strictGuard = makeOutboundGuard({policy: strict, resolve: rebinding});
		const refusal = await strictGuard.fetch(`http://hooks.example.com:${port}/`).catch((error: unknown) => error);
		expect(refusal).toBeInstanceOf(Error);
		expect(connections).toBe(before);
		await strictGuard.close();
		// The same resolver with loopback allowed does connect: the guard's lookup is the one the connection uses.
		const devGuard = makeOutboundGuard({policy: {allowLoopback: true}, resolve: rebinding});
		expect(await (await devGuard.fetch(`http://hooks.example.com:${port}/`)).text()).toBe('ok');
		expect(connections).toBe(before + 1);
		await devGuard.close();
	});

	it('fetches logos only from public https addresses, with one message whatever went wrong', async () => {
		const guard = makeOutboundGuard({policy: strict});
		const before = connections;
		const messages = new Set<string>();
		for (const url of [`https://127.0.0.1:${port}/logo.png`, 'https://127.0.0.1:1/logo.png', 'https://169.254.169.254/logo.png', `http://127.0.0.1:${port}/logo.png`]) {
			const error = await fetchLogoAsDataUrl({url, outbound: guard}).catch((failure: unknown) => failure);
			expect(error).toBeInstanceOf(LogoUnavailableError);
			messages.add((error as Error).message);
		}
		expect(messages.size).toBe(1);
		expect(connections).toBe(before);
		await guard.close();
		expect(logoUrlPolicyError('https://0x7f.1/logo.png', 'bill.brand.logoUrl')).toMatchObject({path: 'bill.brand.logoUrl'});
		expect(logoUrlPolicyError('https://cdn.example.com/logo.png', 'bill.brand.logoUrl')).toBeUndefined();
		expect(logoUrlPolicyError('data:image/png;base64,AAAA', 'bill.brand.logoUrl')).toBeUndefined();
	});
});
