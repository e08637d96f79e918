import {oncePerViewingEvents, type ViewerEvent} from '../../src/viewer-events';

export type SendEvent = (event: ViewerEvent) => void;

/**
 * Sends viewer events with sendBeacon, which survives the page navigating to the checkout. A plain string body goes as
 * text/plain, so embedding pages on other origins need no CORS preflight. Events that happen once per viewing are
 * sent once.
 */
export const makeEventSender = (url: string): SendEvent => {
	const sentOnce = new Set<string>();
	return (event) => {
		const key = `${event.type}:${event.hotspot ?? ''}`;
		if (oncePerViewingEvents.has(event.type)) {
			if (sentOnce.has(key)) return;
			sentOnce.add(key);
		}
		const body = JSON.stringify(event);
		if (!navigator.sendBeacon?.(url, body)) void fetch(url, {method: 'POST', body, keepalive: true}).catch(() => undefined);
	};
};
