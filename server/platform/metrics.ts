import type {Queue} from 'bullmq';
import {Counter, Gauge, Histogram, Registry, collectDefaultMetrics} from 'prom-client';

/** One registry per process: the API answers requests, the worker renders and delivers webhooks. */
export interface Metrics {
	readonly registry: Registry;
	/** The queues whose jobs are counted by state; the queue dashboard lists the same ones. */
	readonly queues: readonly Queue[];
	readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
	readonly renderDuration: Histogram<'template' | 'format'>;
	readonly renderFailures: Counter<'code'>;
	readonly webhookDeliveries: Counter<'result'>;
	readonly redisDataLosses: Counter;
}

const JOB_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed'] as const;

/** `queues`: the queues whose jobs are counted by state at every scrape (read from Redis, so any process may count). */
export const makeMetrics = ({queues = []}: {queues?: readonly Queue[]} = {}): Metrics => {
	const registry = new Registry();
	collectDefaultMetrics({register: registry, prefix: 'billcast_'});
	new Gauge({
		name: 'billcast_jobs',
		help: 'Jobs in each queue by state.',
		labelNames: ['queue', 'state'],
		registers: [registry],
		// Only these counts need Redis: while it is down they are left out, not the whole scrape, so the request counts and
		// durations of the outage still reach Prometheus, which marks the missing series stale.
		async collect() {
			try {
				const counts = await Promise.all(queues.map((queue) => queue.getJobCounts(...JOB_STATES)));
				this.reset();
				counts.forEach((count, index) => {
					for (const state of JOB_STATES) this.set({queue: queues[index]!.name, state}, count[state] ?? 0);
				});
			} catch {
				// The last scrape's counts would pass for current ones.
				this.reset();
			}
		},
	});
	return {
		registry,
		queues,
		httpRequestDuration: new Histogram({
			name: 'billcast_http_request_duration_seconds',
			help: 'API request durations by route pattern and status.',
			labelNames: ['method', 'route', 'status'],
			buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
			registers: [registry],
		}),
		renderDuration: new Histogram({
			name: 'billcast_render_duration_seconds',
			help: 'Time from a worker taking a render to its MP4, poster and captions being written.',
			labelNames: ['template', 'format'],
			buckets: [2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 300],
			registers: [registry],
		}),
		renderFailures: new Counter({
			name: 'billcast_render_failures_total',
			help: 'Failed render attempts by error code.',
			labelNames: ['code'],
			registers: [registry],
		}),
		webhookDeliveries: new Counter({
			name: 'billcast_webhook_deliveries_total',
			help: 'Webhook delivery attempts by result: delivered, retrying (failed, another attempt to come) or failed (gave up).',
			labelNames: ['result'],
			registers: [registry],
		}),
		redisDataLosses: new Counter({
			name: 'billcast_redis_data_losses_total',
			help: "Times this process found Redis had lost its data (billcast's marker key gone): renders accepted before then are gone.",
			registers: [registry],
		}),
	};
};
