import {urlUnder} from '../platform/urls';
import {signWatchToken} from './watch-token';

export interface WatchLinks {
	/** The personal watch page of a render, signed to expire after the configured lifetime. */
	urlFor(renderId: string): string;
	/** The render's poster image behind the same kind of token, for an email's <img>: no API key needed. */
	posterUrlFor(renderId: string): string;
	/** The render's MP4 behind a token: a download link that renders an on-demand video at its first click. */
	videoUrlFor(renderId: string): string;
}

export const makeWatchLinks = ({
	secret,
	ttlDays,
	publicBaseUrl,
}: {
	secret: string;
	ttlDays: number;
	publicBaseUrl: string;
}): WatchLinks => ({
	urlFor: (renderId) => urlUnder(publicBaseUrl, 'w', signWatchToken({secret, renderId, ttlDays})),
	posterUrlFor: (renderId) => urlUnder(publicBaseUrl, 'v1', 'watch', signWatchToken({secret, renderId, ttlDays}), 'poster.jpg'),
	videoUrlFor: (renderId) => urlUnder(publicBaseUrl, 'v1', 'watch', signWatchToken({secret, renderId, ttlDays}), 'video.mp4'),
});
