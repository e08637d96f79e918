import {RenderFailedError} from '../platform/errors';
import {isOutboundRefusal, makeOutboundGuard, outboundPolicyFromEnv, type OutboundGuard} from '../platform/outbound-guard';

/** The types the bill schema takes inline, so an inlined logo is one a tenant could have sent itself. */
const LOGO_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml']);
const MAX_LOGO_BYTES = 1024 * 1024;
const LOGO_TIMEOUT_MS = 5_000;
const MAX_REDIRECTS = 3;

/**
 * One message for every failure (refused address, refused connection, timeout, wrong type, too large), so the error a
 * tenant reads cannot tell an open port from a closed one. `transient` is for the worker alone: no answer, or a server
 * error, may be gone in a minute (a DNS or CDN outage), while a refused address or a wrong answer will come again.
 */
export class LogoUnavailableError extends RenderFailedError {
	readonly transient: boolean;

	constructor({transient}: {transient: boolean}) {
		super(
			'render_failed',
			`The brand logo (brand.logoUrl) could not be loaded: it must be a public https address answering with a png, jpeg, webp or svg image of at most ${MAX_LOGO_BYTES / 1024 / 1024} MB within ${LOGO_TIMEOUT_MS / 1000} s.`,
		);
		this.transient = transient;
	}
}

const readCapped = async (body: AsyncIterable<Uint8Array>): Promise<Buffer> => {
	const chunks: Uint8Array[] = [];
	let bytes = 0;
	for await (const chunk of body) {
		bytes += chunk.byteLength;
		if (bytes > MAX_LOGO_BYTES) throw new LogoUnavailableError({transient: false});
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
};

/** GETs the logo through the guard, following a few https redirects, each target checked like the first. */
export const fetchLogoAsDataUrl = async ({url, outbound}: {url: string; outbound: OutboundGuard}): Promise<string> => {
	const signal = AbortSignal.timeout(LOGO_TIMEOUT_MS);
	try {
		let target = url;
		for (let redirects = 0; ; redirects++) {
			if (!target.startsWith('https://')) throw new LogoUnavailableError({transient: false});
			const response = await outbound.fetch(target, {redirect: 'manual', signal, headers: {accept: [...LOGO_TYPES].join(', ')}});
			const location = response.headers.get('location');
			if (response.status >= 300 && response.status < 400 && location && redirects < MAX_REDIRECTS) {
				await response.body?.cancel();
				target = new URL(location, target).href;
				continue;
			}
			const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
			const declared = Number(response.headers.get('content-length') ?? 0);
			if (response.status !== 200 || !LOGO_TYPES.has(type) || declared > MAX_LOGO_BYTES || !response.body) {
				await response.body?.cancel();
				throw new LogoUnavailableError({transient: response.status >= 500 || response.status === 408 || response.status === 429});
			}
			return `data:${type};base64,${(await readCapped(response.body)).toString('base64')}`;
		}
	} catch (error) {
		if (error instanceof LogoUnavailableError) throw error;
		// Anything else is the request itself failing: DNS, a refused or reset connection, the timeout, a TLS handshake.
		throw new LogoUnavailableError({transient: !isOutboundRefusal(error)});
	}
};

let processGuard: OutboundGuard | undefined;

/**
 * The render browser never fetches a logo itself (it would reach whatever the URL names): the worker fetches it here,
 * through the outbound guard, and the job carries it inline from then on. Replaces the job's brand in place, because
 * everything after this point (scenes, shared-scene cache keys, artifacts) reads that one parsed job.
 */
export const inlineBrandLogo = async (
	job: {bill: {brand: {logoUrl?: string | undefined}}},
	outbound: OutboundGuard = (processGuard ??= makeOutboundGuard({policy: outboundPolicyFromEnv()})),
): Promise<void> => {
	const url = job.bill.brand.logoUrl;
	if (!url || url.startsWith('data:')) return;
	job.bill.brand = {...job.bill.brand, logoUrl: await fetchLogoAsDataUrl({url, outbound})};
};
