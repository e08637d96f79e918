import {lookup as dnsLookup, type LookupAddress, type LookupOptions} from 'node:dns';
import {isIP} from 'node:net';
import ipaddr from 'ipaddr.js';
import {Agent, fetch, type RequestInit, type Response} from 'undici';
import {z} from 'zod';
import {ConfigError} from './errors';

/**
 * Outbound requests (webhooks, brand logos) go only to public addresses, or a tenant could make the service reach
 * Redis, cloud metadata or anything else on its network. Ranges come from ipaddr.js: only `unicast` is public, which
 * leaves out loopback, private, link-local (metadata), CGNAT, multicast, unspecified, reserved and the IPv6 forms
 * that embed an IPv4 address (mapped addresses are unwrapped first).
 */

export class OutboundAddressError extends Error {
	constructor(readonly url: string) {
		// One message whatever the reason, so it says nothing about the network behind the address.
		super('The URL must point at a public internet address.');
		this.name = 'OutboundAddressError';
	}
}

export interface OutboundPolicy {
	/** Development only: loopback addresses count as public, so tests can use local receivers. */
	readonly allowLoopback: boolean;
}

export const isPublicAddress = (address: string, {allowLoopback}: OutboundPolicy): boolean => {
	if (!ipaddr.isValid(address)) return false;
	const range = ipaddr.process(address).range();
	return range === 'unicast' || (allowLoopback && range === 'loopback');
};

/**
 * The host of a URL as the connection would see it: WHATWG URL parsing already turns 2130706433, 0x7f.1, 0 and 127.1
 * into dotted IPv4, and IPv6 comes in brackets.
 */
const hostOf = (url: string): string | undefined => {
	try {
		return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
	} catch {
		return undefined;
	}
};

/** A non-public IP literal (never resolved, so checked before connecting) or a localhost name. */
const isRefusedHost = (host: string, policy: OutboundPolicy): boolean =>
	isIP(host) ? !isPublicAddress(host, policy) : (host === 'localhost' || host.endsWith('.localhost')) && !policy.allowLoopback;

/**
 * What can be said without DNS, for config and submit time: the URL parses, is http(s), and its host is not a
 * non-public IP literal or a localhost name. The full check, with DNS, happens again when connecting.
 */
export const outboundUrlProblem = (url: string, policy: OutboundPolicy): string | undefined => {
	const host = hostOf(url);
	if (host === undefined || host === '' || !/^https?:$/.test(new URL(url).protocol)) return 'must be an http(s) URL';
	return isRefusedHost(host, policy) ? new OutboundAddressError(url).message : undefined;
};

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** `dns.lookup` with `all: true`; a test passes a resolver of its own to play a rebinding DNS server. */
export type Resolve = (hostname: string, options: LookupOptions & {all: true}, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `dns.lookup` for the connection itself: every address the name resolves to must be public, checked on the
 * addresses actually connected to, so a name that resolves to a public address when validated and to 127.0.0.1 a
 * moment later (DNS rebinding) is refused.
 */
const guardedLookup =
	(policy: OutboundPolicy, resolve: Resolve) =>
	(hostname: string, options: LookupOptions, callback: LookupCallback): void => {
		resolve(hostname, {...options, all: true}, (error, addresses) => {
			if (error) return callback(error, []);
			const refused = addresses.find((entry) => !isPublicAddress(entry.address, policy));
			if (refused || addresses.length === 0) {
				const denied: NodeJS.ErrnoException = new OutboundAddressError(hostname);
				denied.code = 'EOUTBOUNDDENIED';
				return callback(denied, []);
			}
			if (options.all) return callback(null, addresses);
			callback(null, addresses[0]!.address, addresses[0]!.family);
		});
	};

export interface OutboundGuard {
	readonly policy: OutboundPolicy;
	/** undici's fetch through a dispatcher whose every connection is checked; refuses non-public literals up front. */
	fetch(url: string, init?: RequestInit): Promise<Response>;
	close(): Promise<void>;
}

export const makeOutboundGuard = ({policy, resolve = dnsLookup}: {policy: OutboundPolicy; resolve?: Resolve}): OutboundGuard => {
	const dispatcher = new Agent({connect: {lookup: guardedLookup(policy, resolve)}});
	return {
		policy,
		async fetch(url, init) {
			const host = hostOf(url);
			// An IP literal never goes through lookup, so it is checked here.
			if (host === undefined || isRefusedHost(host, policy)) throw new OutboundAddressError(url);
			return fetch(url, {...init, dispatcher});
		},
		close: () => dispatcher.close(),
	};
};

/** True when the error, or its cause, is the guard refusing an address. */
export const isOutboundRefusal = (error: unknown): boolean =>
	error instanceof OutboundAddressError ||
	(error instanceof Error && (error as NodeJS.ErrnoException).code === 'EOUTBOUNDDENIED') ||
	(error instanceof Error && error.cause !== undefined && isOutboundRefusal(error.cause));

const envSchema = z.object({
	BILLCAST_ALLOW_PRIVATE_OUTBOUND: z.enum(['', '0', '1']).optional(),
	NODE_ENV: z.string().optional(),
});

/** BILLCAST_ALLOW_PRIVATE_OUTBOUND=1 lets tests reach loopback receivers; a production process refuses to start with it. */
export const outboundPolicyFromEnv = (env: NodeJS.ProcessEnv = process.env): OutboundPolicy => {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) throw new ConfigError('BILLCAST_ALLOW_PRIVATE_OUTBOUND: must be 0 or 1');
	const allowLoopback = parsed.data.BILLCAST_ALLOW_PRIVATE_OUTBOUND === '1';
	if (allowLoopback && parsed.data.NODE_ENV === 'production') {
		throw new ConfigError('BILLCAST_ALLOW_PRIVATE_OUTBOUND: is for development only and refused in production');
	}
	return {allowLoopback};
};
