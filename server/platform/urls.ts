/**
 * `base` with `segments` appended to its path, each percent-encoded so an id cannot add a segment or a query. The
 * base's own path is kept, so a PUBLIC_BASE_URL under a prefix (`https://example.com/billcast`) still leads to the API.
 */
export const urlUnder = (base: string, ...segments: readonly string[]): string => {
	const url = new URL(base);
	url.pathname = [url.pathname.replace(/\/$/, ''), ...segments.map(encodeURIComponent)].join('/');
	return url.href;
};
