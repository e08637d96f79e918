import type {RedisClient} from '../platform/redis-connection';
import type {ViewerEventType} from '../../src/viewer-events';
import type {RenderRecord} from '../renders/render-record';
import {templateOf} from '../../src/templates/registry';
import type {Campaign, CampaignIndex, FiledRender} from './campaign-index';
import {deviceClassOf, hotspotKindOf, waitBucketOf, type ClickKind, type DeviceClass} from './metrics';

const STALE = 'stale';

/**
 * Adds increments to every scope hash at once, unless the render already earned the once-flag (a second view of the
 * same render is not a second open). A scene further into the video moves the render's drop-off point: it leaves the
 * scene it was counted at (in the hashes it was counted in) and joins the new one, so each scope holds, per scene, the
 * renders whose viewings got no further. Constant work per event: nothing here reads more than the render's own flags.
 * The hashes the render was counted in are named by its flags, so the caller reads them first and declares them (a
 * script may touch only the keys it is given, which Redis Cluster relies on); when the flags no longer say what the
 * caller read, another event moved the render meanwhile, and the script writes nothing and answers STALE so the caller
 * reads again. A hash gone by now (a day's counters expired) is not decremented: that would make it again, with no TTL.
 * KEYS: the render's flags hash, then the scope hashes, then the hashes of the scene it was counted at. ARGV: TTL,
 * once-flag or '', scene or '', the number of scope hashes, the scene and scene keys read, then field, increment pairs.
 */
const COUNT = `
local scopes = tonumber(ARGV[4])
if ARGV[3] ~= '' then
	local stored = redis.call('HMGET', KEYS[1], 'scene', 'scene_keys')
	if (stored[1] or '') ~= ARGV[5] or (stored[2] or '') ~= ARGV[6] then return '${STALE}' end
end
if ARGV[2] == '' or redis.call('HSETNX', KEYS[1], ARGV[2], 1) == 1 then
	for i = 7, #ARGV, 2 do
		for k = 2, scopes + 1 do redis.call('HINCRBY', KEYS[k], ARGV[i], ARGV[i + 1]) end
	end
end
if ARGV[3] ~= '' and ARGV[3] ~= ARGV[5] then
	if ARGV[5] ~= '' then
		for k = scopes + 2, #KEYS do
			if redis.call('EXISTS', KEYS[k]) == 1 then redis.call('HINCRBY', KEYS[k], 'dropoff:' .. ARGV[5], -1) end
		end
	end
	for k = 2, scopes + 1 do redis.call('HINCRBY', KEYS[k], 'dropoff:' .. ARGV[3], 1) end
	redis.call('HSET', KEYS[1], 'scene', ARGV[3], 'scene_keys', table.concat(KEYS, '|', 2, scopes + 1))
end
for k = 1, scopes + 1 do redis.call('EXPIRE', KEYS[k], ARGV[1]) end
return 'counted'`;

/** The furthest a render's viewings got, as its flags say: the scene and the hashes it is counted in there. */
interface DropOff {
	readonly scene: string;
	readonly keys: string;
}

/** Tries at moving a render's drop-off point before its event is counted without moving it; each is two round trips. */
const DROP_OFF_MOVES = 3;

/** Metrics compared between an experiment's variants; the others are per scope only. */
const VARIANT_FIELDS = new Set(['renders', 'opened', 'pay_clicked', 'paid']);

type Increments = Array<readonly [field: string, by: number]>;

/** Increments counted once per render under the once-flag, or every time when it is ''. */
interface Counted {
	readonly once: string;
	readonly increments: Increments;
}

/**
 * The once-flag of a step counted once per render and campaign: sent, produced and exported. A render sent again in a
 * later batch is in that campaign's first steps too (its video made before is produced as it is sent), so no campaign's
 * later step can outgrow them. The viewing steps stay once per render: a second viewing is not a second open.
 */
const oncePerCampaign = (step: 'sent' | 'produced' | 'exported', campaign: Campaign): string => `${step}:${campaign.batchId}`;

const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
const secondsBetween = (from: string, to: Date): number => Math.round((to.getTime() - Date.parse(from)) / 1000);

interface ViewerEventFacts {
	readonly record: RenderRecord;
	readonly locale: string;
	readonly type: ViewerEventType;
	readonly hotspot?: string | undefined;
	readonly scene?: string | undefined;
	/** The player's own word for the device, else read from the User-Agent. */
	readonly device?: DeviceClass | undefined;
	readonly userAgent?: string | undefined;
	readonly at?: Date;
}

/**
 * Every number is of renders sent in campaigns (batches), the funnel's first step: a render posted on its own is in no
 * campaign and counts nowhere, whatever happens to it, until a batch sends it. Counting it in the tenant's numbers
 * would make a step larger than the step it is a share of (produced above sent, opened above exported).
 */
export interface CampaignCounters {
	/** Renders joined a batch: counted once per render and batch, and as produced too when the video was made before. */
	sent(renders: readonly FiledRender[], at?: Date): Promise<void>;
	/** Watch links handed out in a batch's export: counted once per render and batch. */
	exported(renderIds: readonly string[], records: ReadonlyArray<RenderRecord | undefined>, at?: Date): Promise<void>;
	/** A render's video was made: counted once per render and batch, in the campaign it was last sent in. */
	produced(record: RenderRecord, at?: Date): Promise<void>;
	viewerEvent(facts: ViewerEventFacts): Promise<void>;
	paid(record: RenderRecord, payment: {amount: number; currency: string; paidAt: string}, at?: Date): Promise<void>;
	/** The raw counters of a batch, and of each day it had activity. */
	batch(batchId: string): Promise<{total: Record<string, string>; days: Array<{date: string; fields: Record<string, string>}>}>;
	/** The raw counters of a tenant's template on one day. */
	tenantDay(tenant: string, template: string, date: string): Promise<Record<string, string>>;
}

/** Campaign numbers counted in Redis as they happen, per batch, per batch and day, and per tenant, template and day. */
export const makeCampaignCounters = ({
	redis,
	campaigns,
	prefix = 'billcast:',
	ttlSeconds,
}: {
	redis: RedisClient;
	campaigns: CampaignIndex;
	prefix?: string;
	ttlSeconds: number;
}): CampaignCounters => {
	const flagsKey = (renderId: string) => `${prefix}an:render:${renderId}`;
	const batchKey = (batchId: string) => `${prefix}an:batch:${batchId}`;
	const batchDayKey = (batchId: string, day: string) => `${prefix}an:batch:${batchId}:day:${day}`;
	const batchDaysKey = (batchId: string) => `${prefix}an:batch:${batchId}:days`;
	const tenantDayKey = (tenant: string, template: string, day: string) => `${prefix}an:tenant:${tenant}:${template}:day:${day}`;

	type Pipeline = ReturnType<RedisClient['pipeline']>;
	const count = async (
		pipeline: Pipeline,
		render: {readonly id: string; readonly tenant: string; readonly template: string},
		{at, once, increments, campaign, moveTo}: {at: Date; once: string; increments: Increments; campaign: Campaign; moveTo?: {scene: string; from: DropOff}},
	): Promise<void> => {
		const day = dayOf(at);
		// The tenant's hashes add up its campaigns' (by template and day), so its funnel holds together as theirs does.
		const scopes = [tenantDayKey(render.tenant, render.template, day), batchKey(campaign.batchId), batchDayKey(campaign.batchId, day)];
		pipeline.sadd(batchDaysKey(campaign.batchId), day).expire(batchDaysKey(campaign.batchId), ttlSeconds);
		const pairs: Increments = [...increments];
		const variant = campaign.variant;
		if (variant) for (const [field, by] of increments) if (VARIANT_FIELDS.has(field)) pairs.push([`variant:${variant}:${field}`, by]);
		const from = moveTo?.from ?? {scene: '', keys: ''};
		const countedAt = from.keys ? from.keys.split('|') : [];
		const keys = [flagsKey(render.id), ...scopes, ...countedAt];
		pipeline.eval(COUNT, keys.length, ...keys, ttlSeconds, once, moveTo?.scene ?? '', scopes.length, from.scene, from.keys, ...pairs.flat());
	};
	/** True unless a script found the render's drop-off moved since it was read (nothing else in the pipeline cares). */
	const run = async (work: (pipeline: Pipeline) => Promise<void>): Promise<boolean> => {
		const pipeline = redis.pipeline();
		await work(pipeline);
		const results = (await pipeline.exec()) ?? [];
		const failed = results.find(([error]) => error);
		if (failed) throw failed[0];
		return !results.some(([, result]) => result === STALE);
	};
	const dropOffOf = async (renderId: string): Promise<DropOff> => {
		const [scene, keys] = await redis.hmget(flagsKey(renderId), 'scene', 'scene_keys');
		return {scene: scene ?? '', keys: keys ?? ''};
	};
	/**
	 * Whether an event from `scene` moves the render's drop-off: on to a scene further into its video, or into the
	 * campaign it was sent in since, where its viewings start afresh. A viewer who watched to the end and reloads the page
	 * to pay starts again at the greeting: the render still counts where its viewings got furthest. A scene the
	 * template does not play moves nothing.
	 */
	const movesDropOff = (record: RenderRecord, scene: string, from: DropOff, campaign: Campaign): boolean => {
		const order: readonly string[] = templateOf(record.template).sceneIds;
		if (!order.includes(scene)) return false;
		return order.indexOf(scene) > order.indexOf(from.scene) || !from.keys.split('|').includes(batchKey(campaign.batchId));
	};

	const clickOf = (kind: ClickKind): Counted => ({once: `clicked:${kind}`, increments: [[`clicked:${kind}`, 1]]});
	/** What an event adds, each with its own once-flag; the first also moves the drop-off. */
	const eventIncrements = ({record, locale, type, hotspot, device, userAgent, at}: ViewerEventFacts & {at: Date}): [Counted, ...Counted[]] => {
		switch (type) {
			case 'view_started': {
				const wait = Math.max(0, secondsBetween(record.createdAt, at));
				return [
					{
						once: 'opened',
						increments: [
							['opened', 1],
							[`device:${device ?? deviceClassOf(userAgent)}`, 1],
							[`language:${locale}`, 1],
							['open_seconds_sum', wait],
							[`open_wait:${waitBucketOf(wait)}`, 1],
						],
					},
				];
			}
			case 'progress_25':
			case 'progress_50':
			case 'progress_75':
			case 'completed':
				return [{once: type, increments: [[type, 1]]}];
			case 'pay_clicked': {
				// The watch page's own button is clicked with no hotspot_clicked before it (as the video's are): its pay click
				// is its click too, read here so every player's events count, old ones included.
				const pressed: Counted = {once: type, increments: [[type, 1]]};
				const kind = hotspotKindOf(hotspot);
				return kind === 'page-pay' ? [pressed, clickOf(kind)] : [pressed];
			}
			case 'hotspot_clicked':
				return [clickOf(hotspotKindOf(hotspot))];
			case 'hotspot_shown':
				return [{once: '', increments: []}];
		}
	};

	const dayFields = async (batchId: string) => {
		const days = (await redis.smembers(batchDaysKey(batchId))).sort();
		const pipeline = redis.pipeline();
		for (const day of days) pipeline.hgetall(batchDayKey(batchId, day));
		const results = (await pipeline.exec()) ?? [];
		return days.map((date, index) => ({date, fields: (results[index]?.[1] ?? {}) as Record<string, string>}));
	};

	return {
		async sent(renders, at = new Date()) {
			await run(async (pipeline) => {
				for (const render of renders) {
					const {campaign} = render;
					await count(pipeline, render, {at, once: oncePerCampaign('sent', campaign), increments: [['renders', 1]], campaign});
					if (render.made) await count(pipeline, render, {at, once: oncePerCampaign('produced', campaign), increments: [['produced', 1]], campaign});
				}
			});
		},
		async exported(renderIds, records, at = new Date()) {
			await run(async (pipeline) => {
				// A page of lookups at once: ioredis sends them in one write, so an export never waits render by render.
				const filed = await Promise.all(renderIds.map((id) => campaigns.campaignOf(id)));
				for (const [index, record] of records.entries()) {
					const campaign = filed[index];
					if (record && campaign) await count(pipeline, record, {at, once: oncePerCampaign('exported', campaign), increments: [['exported', 1]], campaign});
				}
			});
		},
		async produced(record, at = new Date()) {
			const campaign = await campaigns.campaignOf(record.id);
			if (!campaign) return;
			await run((pipeline) => count(pipeline, record, {at, once: oncePerCampaign('produced', campaign), increments: [['produced', 1]], campaign}));
		},
		async viewerEvent(facts) {
			const at = facts.at ?? new Date();
			const [first, ...more] = eventIncrements({...facts, at});
			const {record, scene} = facts;
			if (first.increments.length === 0 && !scene) return;
			const [campaign, firstRead] = await Promise.all([campaigns.campaignOf(record.id), scene ? dropOffOf(record.id) : undefined]);
			if (!campaign) return;
			let from = firstRead;
			for (let attempt = 1; ; attempt++) {
				// Events of one render racing one another past every attempt are counted without moving its drop-off: it
				// stays where one of them put it, so each render is still counted at exactly one scene. A scene that moves
				// nothing as read is counted without a check: within a campaign the drop-off only ever moves on, so it moves
				// nothing as stored now either.
				const moveTo = scene && from && attempt <= DROP_OFF_MOVES && movesDropOff(record, scene, from, campaign) ? {scene, from} : undefined;
				// Only the first can find the drop-off moved; counting the others again then is harmless, as each has its once-flag.
				const counted = await run(async (pipeline) => {
					await count(pipeline, record, {...first, at, campaign, moveTo});
					for (const other of more) await count(pipeline, record, {...other, at, campaign});
				});
				if (counted) return;
				from = await dropOffOf(record.id);
			}
		},
		async paid(record, payment, at = new Date()) {
			const campaign = await campaigns.campaignOf(record.id);
			if (!campaign) return;
			const wait = secondsBetween(record.createdAt, new Date(payment.paidAt));
			const increments: Increments = [
				['paid', 1],
				[`paid_amount:${payment.currency}`, payment.amount],
			];
			// Paid before the bill was sent: it counts as paid, but not as a wait after sending of 0 s.
			if (wait >= 0) increments.push(['pay_seconds_sum', wait], [`pay_wait:${waitBucketOf(wait)}`, 1]);
			await run((pipeline) => count(pipeline, record, {at, once: 'paid', increments, campaign}));
		},
		async batch(batchId) {
			const [total, days] = await Promise.all([redis.hgetall(batchKey(batchId)), dayFields(batchId)]);
			return {total, days};
		},
		tenantDay: (tenant, template, date) => redis.hgetall(tenantDayKey(tenant, template, date)),
	};
};
