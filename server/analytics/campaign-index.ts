import type {RedisClient} from '../platform/redis-connection';
import type {RenderStore} from '../renders/render-store';
import type {Experiment} from './experiment';

/** The campaign a render was sent in: its batch, and its variant when the batch is an experiment. */
export interface Campaign {
	readonly batchId: string;
	readonly variant?: string | undefined;
}

export interface FiledRender {
	readonly id: string;
	readonly tenant: string;
	readonly template: string;
	readonly campaign: Campaign;
	/**
	 * Its video was made before this batch sent it (posted alone first, or sent in an earlier batch): no worker will mark
	 * it completed again, so the batch counts it produced as it sends it.
	 */
	readonly made: boolean;
}

export interface CampaignIndex {
	/** One GET per viewer event, never a scan. */
	campaignOf(renderId: string): Promise<Campaign | undefined>;
	/** The render of a bill number within a batch, for payments confirmed by bill number. */
	renderOfBill(batchId: string, billNumber: string): Promise<string | undefined>;
	/** The tenant's latest campaigns, newest first, from a sorted set kept as batches are filed. */
	campaignsOf(tenant: string, limit: number): Promise<string[]>;
	/** The experiment a batch runs, if any. */
	experimentOf(batchId: string): Promise<Experiment | undefined>;
	/**
	 * A render store whose `createMany` also files each render under the batch (and its variant), then hands the filed
	 * renders to `onFiled`, so ingestion itself needs no change.
	 */
	indexing(store: RenderStore, batch: {id: string; experiment?: Experiment | undefined; onFiled: (renders: FiledRender[]) => Promise<void>}): RenderStore;
}

/** Which batch and variant each render belongs to and which render each bill number is, kept as long as the renders. */
export const makeCampaignIndex = ({redis, prefix = 'billcast:', ttlSeconds}: {redis: RedisClient; prefix?: string; ttlSeconds: number}): CampaignIndex => {
	const renderKey = (renderId: string) => `${prefix}campaign:render:${renderId}`;
	const billsKey = (batchId: string) => `${prefix}campaign:bills:${batchId}`;
	const experimentKey = (batchId: string) => `${prefix}campaign:experiment:${batchId}`;
	const tenantKey = (tenant: string) => `${prefix}campaign:tenant:${tenant}`;
	return {
		async campaignOf(renderId) {
			const raw = await redis.get(renderKey(renderId));
			if (!raw) return undefined;
			const [batchId, variant] = raw.split('\t') as [string, string | undefined];
			return {batchId, variant};
		},
		campaignsOf: (tenant, limit) => redis.zrevrange(tenantKey(tenant), 0, limit - 1),
		renderOfBill: async (batchId, billNumber) => (await redis.hget(billsKey(batchId), billNumber)) ?? undefined,
		async experimentOf(batchId) {
			const raw = await redis.get(experimentKey(batchId));
			return raw ? (JSON.parse(raw) as Experiment) : undefined;
		},
		indexing: (store, {id: batchId, experiment, onFiled}) => ({
			...store,
			async createMany(renders) {
				const isNew = await store.createMany(renders);
				if (renders.length === 0) return isNew;
				const filed = renders.map((render) => ({
					id: render.id,
					tenant: render.tenant,
					template: render.template,
					campaign: {batchId, variant: experiment ? render.bill?.messageVariant : undefined},
				}));
				const multi = redis.multi();
				// NX: the batch's first chunk dates it; old campaigns age out of the list with their counters.
				multi.zadd(tenantKey(renders[0]!.tenant), 'NX', Date.now(), batchId);
				multi.zremrangebyscore(tenantKey(renders[0]!.tenant), '-inf', Date.now() - ttlSeconds * 1000).expire(tenantKey(renders[0]!.tenant), ttlSeconds);
				if (experiment) multi.set(experimentKey(batchId), JSON.stringify(experiment), 'EX', ttlSeconds);
				// A render sent again in a later batch counts for the later campaign: that is the link the customer has now.
				for (const {id, campaign} of filed) multi.set(renderKey(id), campaign.variant ? `${batchId}\t${campaign.variant}` : batchId, 'EX', ttlSeconds);
				const billed = renders.flatMap((render) => (render.bill ? [render.bill.billNumber, render.id] : []));
				if (billed.length > 0) multi.hset(billsKey(batchId), ...billed).expire(billsKey(batchId), ttlSeconds);
				await multi.exec();
				// Read once the renders are filed: a worker finishing one meanwhile is either seen finished here or reads this
				// campaign after its own write and counts it there (once either way). New renders have no video yet.
				const before = renders.filter((_, index) => !isNew[index]).map((render) => render.id);
				const records = before.length > 0 ? await store.getMany(before) : [];
				const made = new Set(records.flatMap((record) => (record?.status === 'completed' ? [record.id] : [])));
				await onFiled(filed.map((render) => ({...render, made: made.has(render.id)})));
				return isNew;
			},
		}),
	};
};
