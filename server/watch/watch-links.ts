import {urlUnder} from '../platform/urls';
import {signWatchToken} from './watch-token';

export interface WatchLinks {
	/** The personal watch page of a render, signed to expire after the configured lifetime. */
	urlFor(renderId: string): string;
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
});
