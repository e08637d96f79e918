import type {Response} from 'express';
import type {BatchRecord, BatchStore} from './batch-store';
import {NotFoundError} from '../platform/errors';
import {tenantOf} from '../tenants/tenant';

/** The batch when it belongs to the request's tenant; another tenant's batch is answered like a missing one. */
export const ownBatch = async (batches: BatchStore, id: string, res: Response): Promise<BatchRecord> => {
	const batch = await batches.get(id);
	if (!batch || batch.tenant !== tenantOf(res).id) throw new NotFoundError(`Batch ${id}`);
	return batch;
};
