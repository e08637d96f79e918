import type {PaidState} from '../../src/paid-state';
import type {RenderRequestInput} from '../../src/render-input';
import type {HotspotManifest} from '../../src/hotspot-manifest';
import type {VideoFormat} from '../../src/formats';

/** A finished render's files, by name. */
export interface RenderFileLinks {
	readonly 'video.mp4'?: string;
	readonly 'hotspots.json'?: string;
	readonly 'captions.vtt'?: string;
}

/** The answer of `GET /v1/watch/:token`: the props the player needs and the render's files when they exist. */
export type WatchData = RenderRequestInput & {
	/** Present once the tenant has confirmed the bill paid. */
	readonly paid?: PaidState;
	readonly links: RenderFileLinks & {
		readonly events: string;
		/** The same bill rendered in other formats, finished: MP4 mode plays the one nearest the screen. */
		readonly formats?: Partial<Record<VideoFormat, RenderFileLinks>>;
	};
};

export type {HotspotManifest} from '../../src/hotspot-manifest';

const getJson = async <T>(url: string): Promise<T> => {
	const response = await fetch(url, {credentials: 'omit'});
	if (!response.ok) throw new Error(`${url} answered ${response.status}`);
	return (await response.json()) as T;
};

export const fetchWatchData = (apiBase: string, token: string): Promise<WatchData> =>
	getJson<WatchData>(`${apiBase}/v1/watch/${encodeURIComponent(token)}`);

export const fetchHotspotManifest = (url: string): Promise<HotspotManifest> => getJson<HotspotManifest>(url);
