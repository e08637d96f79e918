import {Queue, type ConnectionOptions} from 'bullmq';
import {QUEUE_OPTIONS} from '../platform/redis-connection';
import {logQueueErrors} from '../platform/redis-outage';

/** The retention sweep's queue, beside the render queue it is named after. */
export const maintenanceQueueName = (renderQueueName: string): string => `${renderQueueName}-maintenance`;

/**
 * The sweep's queue as the API opens it: only to count its jobs for /metrics and list them on the queue dashboard, so
 * a sweep that fails is seen there like a render that fails. The workers schedule and run it (`scheduleRetentionSweep`).
 */
export const openMaintenanceQueue = ({connection, renderQueueName}: {connection: ConnectionOptions; renderQueueName: string}): Queue => {
	const queue = new Queue(maintenanceQueueName(renderQueueName), {connection, ...QUEUE_OPTIONS});
	logQueueErrors(queue, connection, 'retention queue');
	return queue;
};
