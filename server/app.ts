import express, {type Express} from 'express';
import type {Config} from './config';
import {NotFoundError} from './errors';
import {problemErrorHandler} from './problem';
import type {RenderQueue} from './render-queue';
import type {RenderStore} from './render-store';
import {makeAnalyticsRouter} from './routes/analytics-router';
import {makeRendersRouter} from './routes/renders-router';
import {makeWatchRouter} from './routes/watch-router';
import type {Tenant} from './tenant';
import type {ViewerEventsStore} from './viewer-events-store';
import {makeWatchLinks} from './watch-links';

export const makeApp = ({
	config,
	store,
	queue,
	events,
	tenant,
	log = (message, error) => console.error(message, error),
}: {
	config: Pick<Config, 'bodyLimit' | 'rendersDir' | 'publicBaseUrl' | 'watchSecret' | 'watchTtlDays'>;
	store: RenderStore;
	queue: RenderQueue;
	events: ViewerEventsStore;
	/** The tenant every request acts for until authentication sets one (tests name a local checkout here). */
	tenant?: Tenant;
	log?: (message: string, error: unknown) => void;
}): Express => {
	const app = express();
	app.disable('x-powered-by');
	app.set('trust proxy', 'loopback');
	app.use(express.json({limit: config.bodyLimit, type: ['application/json', 'application/*+json']}));
	app.get('/healthz', (_req, res) => {
		res.json({status: 'ok'});
	});
	if (tenant) {
		app.use((_req, res, next) => {
			res.locals.tenant ??= tenant;
			next();
		});
	}
	const watchLinks = makeWatchLinks({secret: config.watchSecret, ttlDays: config.watchTtlDays, publicBaseUrl: config.publicBaseUrl});
	app.use(makeWatchRouter({store, events, rendersDir: config.rendersDir, watchSecret: config.watchSecret}));
	app.use(makeRendersRouter({store, queue, rendersDir: config.rendersDir, publicBaseUrl: config.publicBaseUrl, watchLinks}));
	app.use(makeAnalyticsRouter({store, events}));
	app.use((req, _res, next) => next(new NotFoundError(`${req.method} ${req.path}`)));
	app.use(problemErrorHandler({bodyLimit: config.bodyLimit, log}));
	return app;
};
