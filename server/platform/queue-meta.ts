import type {Queue} from 'bullmq';

/**
 * BullMQ writes a queue's settings to Redis (its event stream's length among them) once, as the queue is made, and
 * does not wait for the connection. The API's connection sends nothing before Redis is ready, so there the write was
 * lost; so it is when Redis restarts empty. The next job then set BullMQ's default of 10,000 events a stream. Written
 * again each time the connection becomes ready; the returned function stops that, for the queue's close.
 */
export const keepQueueMeta = (queue: Queue): (() => void) => {
	let stop = () => {};
	let stopped = false;
	void queue.client.then(
		(client) => {
			if (stopped) return;
			const write = () => void client.hset(queue.toKey('meta'), queue.metaValues).catch(() => undefined);
			client.on('ready', write);
			stop = () => client.off('ready', write);
			if (client.status === 'ready') write();
		},
		() => undefined,
	);
	return () => {
		stopped = true;
		stop();
	};
};
