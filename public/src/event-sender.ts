import type {TimelineScene} from '../../src/timeline';
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

/**
 * Adds the scene playing now to every viewer event, so the last event of a viewing says where it stopped (the
 * campaign's drop-off chart). `frameNow` is read at send time, not when the sender was made.
 */
export const withScene =
	(send: SendEvent, scenes: readonly TimelineScene[], frameNow: () => number): SendEvent =>
	(event) => {
		const frame = frameNow();
		const scene = scenes.find((s) => frame >= s.from && frame < s.from + s.durationInFrames) ?? scenes.at(-1);
		send(scene ? {...event, scene: scene.id} : event);
	};
