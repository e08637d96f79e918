import type {Request} from 'express';
import {UnsupportedMediaTypeError} from './errors';

/** A JSON endpoint's body, or a 415 naming what was sent instead. */
export const requireJson = (req: Request): unknown => {
	if (!req.is('application/json')) throw new UnsupportedMediaTypeError(req.get('content-type'));
	return req.body;
};
