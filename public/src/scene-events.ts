import type {TimelineScene} from '../../src/timeline';
import type {SendEvent} from './event-sender';

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
