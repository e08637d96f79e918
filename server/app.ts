import express, {type Express} from 'express';
import type {Config} from './config';
import {NotFoundError} from './errors';
import {problemErrorHandler} from './problem';
import type {RenderQueue} from './render-queue';
import type {RenderStore} from './render-store';
import {makeRendersRouter} from './routes/renders-router';

export const makeApp = ({
	config,
	store,
	queue,
	log = (message, error) => console.error(message, error),
}: {
	config: Pick<Config, 'bodyLimit' | 'rendersDir' | 'publicBaseUrl'>;
	store: RenderStore;
	queue: RenderQueue;
	log?: (message: string, error: unknown) => void;
}): Express => {
	const app = express();
	app.disable('x-powered-by');
	app.set('trust proxy', 'loopback');
	app.use(express.json({limit: config.bodyLimit, type: ['application/json', 'application/*+json']}));
	app.get('/healthz', (_req, res) => {
		res.json({status: 'ok'});
	});
	app.use(makeRendersRouter({store, queue, rendersDir: config.rendersDir, publicBaseUrl: config.publicBaseUrl}));
	app.use((req, _res, next) => next(new NotFoundError(`${req.method} ${req.path}`)));
	app.use(problemErrorHandler({bodyLimit: config.bodyLimit, log}));
	return app;
};
