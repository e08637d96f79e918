import type {Redis} from 'ioredis';
import type {RenderStore} from '../render-store';

export interface CampaignIndex {
	/** The batch (campaign) a render was sent in, if any: one GET per viewer event, never a scan. */
	batchOf(renderId: string): Promise<string | undefined>;
	/** The render of a bill number within a batch, for payments confirmed by bill number. */
	renderOfBill(batchId: string, billNumber: string): Promise<string | undefined>;
	/** A render store whose `createMany` also files each render under the batch, so ingestion needs no change. */
	indexing(store: RenderStore, batchId: string): RenderStore;
}

/** Which batch each render belongs to and which render each bill number is, kept as long as the renders. */
export const makeCampaignIndex = ({redis, prefix = 'billcast:', ttlSeconds}: {redis: Redis; prefix?: string; ttlSeconds: number}): CampaignIndex => {
	const renderKey = (renderId: string) => `${prefix}campaign:render:${renderId}`;
	const billsKey = (batchId: string) => `${prefix}campaign:bills:${batchId}`;
	return {
		batchOf: async (renderId) => (await redis.get(renderKey(renderId))) ?? undefined,
		renderOfBill: async (batchId, billNumber) => (await redis.hget(billsKey(batchId), billNumber)) ?? undefined,
		indexing: (store, batchId) => ({
			...store,
			async createMany(renders) {
				const isNew = await store.createMany(renders);
				if (renders.length === 0) return isNew;
				const multi = redis.multi();
				// A render sent again in a later batch counts for the later campaign: that is the link the customer has now.
				for (const render of renders) multi.set(renderKey(render.id), batchId, 'EX', ttlSeconds);
				const billed = renders.flatMap((render) => (render.bill ? [render.bill.billNumber, render.id] : []));
				if (billed.length > 0) multi.hset(billsKey(batchId), ...billed).expire(billsKey(batchId), ttlSeconds);
				await multi.exec();
				return isNew;
			},
		}),
	};
};
