import {KEY_TAG, type RedisClient} from '../platform/redis-connection';
import type {SceneSpeech} from '../../src/narration';
import type {TemplateBill} from '../../src/templates/registry';
import {packProps, propsDictionary, unpackProps} from './props-packing';
import type {RenderErrorValue, RenderOutput, RenderOutputs, RenderProps, RenderRecord} from './render-record';

/**
 * `bill` is kept beside the record (its own key) so the watch page can show it; status reads never load it. A render
 * whose MP4 is on demand starts `on-demand` instead of `queued`.
 */
type NewRender = Pick<RenderRecord, 'id' | 'tenant' | 'template' | 'format'> & {
	readonly bill?: TemplateBill['bill'];
	readonly scale?: number;
	readonly outputs?: RenderOutputs;
};

export interface RenderStore {
	/** Creates the record as queued; false when a record with this id already exists. */
	create(render: NewRender): Promise<boolean>;
	/** Creates many queued records in one round trip; returns, per render, whether it was new. */
	createMany(renders: readonly NewRender[]): Promise<boolean[]>;
	getMany(ids: readonly string[]): Promise<Array<RenderRecord | undefined>>;
	get(id: string): Promise<RenderRecord | undefined>;
	/** The template, format and bill the render was made from; undefined when the render was created without a bill. */
	getProps(id: string): Promise<RenderProps | undefined>;
	/**
	 * The narration's measured speech, written by the synthesis step before the video is rendered, so the watch data
	 * speaks while the MP4 is still being made.
	 */
	setSpeech(id: string, speech: readonly SceneSpeech[]): Promise<void>;
	getSpeech(id: string): Promise<readonly SceneSpeech[] | undefined>;
	/** Queues a failed render again; false when the render is not failed (a render in flight or done is left alone). */
	requeue(id: string): Promise<boolean>;
	/**
	 * Queues a completed render again whose output is gone (its data folder was deleted); false when the render is not
	 * completed. The only way out of `completed`, and only the API's submit takes it, after checking the file.
	 */
	requeueLostOutput(id: string): Promise<boolean>;
	/**
	 * Queues an on-demand render at its first request; true for exactly one caller however many ask at once, and only
	 * that caller queues the job.
	 */
	requestOnDemand(id: string): Promise<boolean>;
	/** Puts a render back to on-demand when its job could not be queued, so the next request tries again. */
	returnToOnDemand(id: string): Promise<void>;
	markRendering(id: string, progress: number, attempt: number): Promise<void>;
	markRetrying(id: string, attempt: number): Promise<void>;
	/**
	 * Answers the record as written, or undefined when nothing changed: no such render, or it had already ended. Only the
	 * caller that moves a render to its end gets the record, so only that one tells the tenant.
	 */
	markCompleted(id: string, output: RenderOutput): Promise<RenderRecord | undefined>;
	markFailed(id: string, error: RenderErrorValue): Promise<RenderRecord | undefined>;
	delete(id: string): Promise<void>;
	/** The Redis key of a render's record, for scripts that must read it in the same step as keys of their own. */
	keyOf(id: string): string;
}

/**
 * A render only moves forward: queued → rendering → completed or failed, and a failed one back to queued when the bill
 * is posted again. No worker ever moves a record out of `completed`, so a job BullMQ runs twice (a lost lock, a stall)
 * cannot turn a finished render back into one in progress or end it a second time; only a bill posted again whose video
 * is gone from disk queues a completed render again.
 */
const FROM: Record<'requeue' | 'lostOutput' | 'onDemand' | 'backToOnDemand' | 'progress' | 'end', readonly RenderRecord['status'][]> = {
	requeue: ['failed'],
	onDemand: ['on-demand'],
	backToOnDemand: ['queued'],
	lostOutput: ['completed'],
	progress: ['queued', 'rendering'],
	end: ['queued', 'rendering'],
};

/** Writes the new record only if the stored one is still in an allowed status, in one step, so two workers cannot both win. */
const SET_IF_STATUS = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local status = cjson.decode(raw).status
for i = 2, #ARGV do
	if ARGV[i] == status then
		redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
		return 1
	end
end
return 0
`;

/** Dictionaries never change (their key is a digest of their bytes), so a few recent ones are kept in memory. */
const CACHED_DICTIONARIES = 32;

/**
 * Render records as JSON strings in Redis, one key per render, and beside each its bill, packed (see props-packing.ts):
 * the renders created together (a batch's chunk) are deflated against the chunk's first bill, kept once under
 * `<prefix>dict:<digest>`. With `ttlSeconds` (the retention), a record, its bill and its chunk's dictionary expire that
 * long after the render was created, whatever happens to it meanwhile.
 */
export const makeRenderStore = ({
	redis,
	// The services' own (build-services), so a script queueing beside them (bench, chaos) writes where workers read.
	prefix = `${KEY_TAG}:render:`,
	ttlSeconds,
}: {
	redis: RedisClient;
	prefix?: string;
	ttlSeconds?: number;
}): RenderStore => {
	const ttl = ttlSeconds ? Math.ceil(ttlSeconds) : undefined;
	type Pipeline = ReturnType<RedisClient['pipeline']>;
	const setNew = (multi: Pipeline, k: string, value: string | Buffer, onlyIfAbsent: boolean): Pipeline => {
		if (ttl && onlyIfAbsent) return multi.set(k, value, 'EX', ttl, 'NX');
		if (ttl) return multi.set(k, value, 'EX', ttl);
		return onlyIfAbsent ? multi.set(k, value, 'NX') : multi.set(k, value);
	};
	const key = (id: string) => `${prefix}${id}`;
	// The id is the key's own tail, so it is not stored again in the value (about 60 bytes a render).
	const encode = ({id: _, ...stored}: RenderRecord): string => JSON.stringify(stored);
	const decode = (id: string, raw: string): RenderRecord => ({...(JSON.parse(raw) as Omit<RenderRecord, 'id'>), id}) as RenderRecord;
	// Render ids never contain ':', so this can never be another render's key.
	const propsKey = (id: string) => `${prefix}${id}:props`;
	const dictionaryKey = (id: Buffer) => `${prefix}dict:${id.toString('hex')}`;
	const dictionaries = new Map<string, Buffer>();
	const dictionaryOf = async (id: Buffer): Promise<Buffer | undefined> => {
		const known = dictionaries.get(id.toString('hex'));
		if (known) return known;
		const bytes = (await redis.getBuffer(dictionaryKey(id))) ?? undefined;
		if (bytes) dictionaries.set(id.toString('hex'), bytes);
		if (dictionaries.size > CACHED_DICTIONARIES) dictionaries.delete(dictionaries.keys().next().value!);
		return bytes;
	};
	const speechKey = (id: string) => `${prefix}${id}:speech`;
	const get = async (id: string): Promise<RenderRecord | undefined> => {
		const raw = await redis.get(key(id));
		return raw ? decode(id, raw) : undefined;
	};
	// Only the status can change between the read and the write (the rest of a record is fixed at creation), and the
	// script checks it again.
	const update = async (
		id: string,
		from: readonly RenderRecord['status'][],
		next: (base: RenderRecord) => RenderRecord,
	): Promise<RenderRecord | undefined> => {
		const current = await get(id);
		if (!current || !from.includes(current.status)) return undefined;
		const record = next(current);
		const written = await redis.eval(SET_IF_STATUS, 1, key(id), encode(record), ...from);
		return written === 1 ? record : undefined;
	};
	const now = () => new Date().toISOString();
	const base = ({id, tenant, template, format, createdAt, outputs}: RenderRecord) => ({
		id,
		tenant,
		template,
		format,
		createdAt,
		updatedAt: now(),
		...(outputs ? {outputs} : {}),
	});
	const createMany = async (renders: readonly NewRender[]): Promise<boolean[]> => {
		const at = now();
		const created = await renders
			.reduce((multi, {bill: _, scale: __, outputs, ...render}) => {
				// Only a choice other than the default is written: most records stay as small as they were.
				const chosen = outputs && (outputs.mp4 !== 'render' || outputs.poster !== 'render') ? {outputs} : {};
				const times = {createdAt: at, updatedAt: at};
				const record: RenderRecord =
					outputs?.mp4 === 'on-demand' ? {...render, ...chosen, status: 'on-demand', ...times} : {...render, ...chosen, status: 'queued', attempt: 1, ...times};
				return setNew(multi, key(render.id), encode(record), true);
			}, redis.pipeline())
			.exec();
		const isNew = (created ?? []).map(([, reply]) => reply === 'OK');
		const props = renders.flatMap(({bill, scale, outputs: _, ...render}, index) =>
			isNew[index] && bill ? [{key: propsKey(render.id), json: JSON.stringify({template: render.template, format: render.format, bill, scale} as RenderProps)}] : [],
		);
		if (props.length === 0) return isNew;
		// Written (and its lifetime renewed) before the bills packed against it, so no bill ever names a missing one.
		const dictionary = props.length > 1 ? propsDictionary(props[0]!.json) : undefined;
		const multi = redis.pipeline();
		if (dictionary) setNew(multi, dictionaryKey(dictionary.id), dictionary.bytes, false);
		await props.reduce((pipeline, {key: k, json}) => setNew(pipeline, k, packProps(json, dictionary), false), multi).exec();
		return isNew;
	};
	return {
		create: async (render) => (await createMany([render]))[0]!,
		createMany,
		get,
		async getMany(ids) {
			if (ids.length === 0) return [];
			const raws = await redis.mget(ids.map(key));
			return raws.map((raw, index) => (raw ? decode(ids[index]!, raw) : undefined));
		},
		async getProps(id) {
			const packed = await redis.getBuffer(propsKey(id));
			return packed ? (JSON.parse(await unpackProps(packed, dictionaryOf)) as RenderProps) : undefined;
		},
		async setSpeech(id, speech) {
			await setNew(redis.pipeline(), speechKey(id), JSON.stringify(speech), false).exec();
		},
		async getSpeech(id) {
			const raw = await redis.get(speechKey(id));
			return raw ? (JSON.parse(raw) as SceneSpeech[]) : undefined;
		},
		requeue: async (id) => (await update(id, FROM.requeue, (r) => ({...base(r), status: 'queued', attempt: 1}))) !== undefined,
		requeueLostOutput: async (id) => (await update(id, FROM.lostOutput, (r) => ({...base(r), status: 'queued', attempt: 1}))) !== undefined,
		requestOnDemand: async (id) => (await update(id, FROM.onDemand, (r) => ({...base(r), status: 'queued', attempt: 1}))) !== undefined,
		async returnToOnDemand(id) {
			await update(id, FROM.backToOnDemand, (r) => ({...base(r), status: 'on-demand'}));
		},
		async markRendering(id, progress, attempt) {
			await update(id, FROM.progress, (r) => ({...base(r), status: 'rendering', progress, attempt}));
		},
		async markRetrying(id, attempt) {
			await update(id, FROM.progress, (r) => ({...base(r), status: 'queued', attempt}));
		},
		markCompleted: (id, output) => update(id, FROM.end, (r) => ({...base(r), status: 'completed', output})),
		markFailed: (id, error) => update(id, FROM.end, (r) => ({...base(r), status: 'failed', error})),
		async delete(id) {
			await redis.del(key(id), propsKey(id), speechKey(id));
		},
		keyOf: key,
	};
};
