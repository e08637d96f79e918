import type {HotspotManifest} from '../../src/hotspot-manifest';
import type {WatchData} from '../../src/watch-data';

export type {WatchData} from '../../src/watch-data';
export type {HotspotManifest} from '../../src/hotspot-manifest';

/** A request the API answered with an error status: 404 and 410 (a link invalid or expired) will not change by asking again. */
export class PlayerFetchError extends Error {
	constructor(
		readonly url: string,
		readonly status: number,
	) {
		super(`${url} answered ${status}`);
		this.name = 'PlayerFetchError';
	}
}

const getJson = async <T>(url: string): Promise<T> => {
	const response = await fetch(url, {credentials: 'omit'});
	if (!response.ok) throw new PlayerFetchError(url, response.status);
	return (await response.json()) as T;
};

/** Resolved like the links inside the watch data: against the API's origin, or the page's when it is the same. */
export const fetchWatchData = (apiBase: string, token: string): Promise<WatchData> =>
	getJson<WatchData>(new URL(`/v1/watch/${encodeURIComponent(token)}`, apiBase || window.location.href).href);

export const fetchHotspotManifest = (url: string): Promise<HotspotManifest> => getJson<HotspotManifest>(url);
