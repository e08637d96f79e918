import type {Response} from 'express';
import {NotFoundError} from '../platform/errors';
import type {RenderRecord} from './render-record';
import type {RenderStore} from './render-store';
import {tenantOf} from '../tenants/tenant';

/** The render when it belongs to the request's tenant; another tenant's render is answered like a missing one. */
export const ownRender = async (store: RenderStore, id: string, res: Response): Promise<RenderRecord> => {
	const record = await store.get(id);
	if (!record || record.tenant !== tenantOf(res).id) throw new NotFoundError(`Render ${id}`);
	return record;
};
