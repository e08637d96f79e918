import type {Redis} from 'ioredis';
import type {TemplateBill} from '../src/templates';
import type {RenderErrorValue, RenderOutput, RenderProps, RenderRecord} from './render-record';

/** `bill` is kept beside the record (its own key) so the watch page can show it; status reads never load it. */
type NewRender = Pick<RenderRecord, 'id' | 'tenant' | 'template' | 'format'> & {readonly bill?: TemplateBill['bill']};

export interface RenderStore {
	/** Creates the record as queued; false when a record with this id already exists. */
	create(render: NewRender): Promise<boolean>;
	/** Creates many queued records in one round trip; returns, per render, whether it was new. */
	createMany(renders: readonly NewRender[]): Promise<boolean[]>;
	getMany(ids: readonly string[]): Promise<Array<RenderRecord | undefined>>;
	get(id: string): Promise<RenderRecord | undefined>;
	/** The template, format and bill the render was made from; undefined when the render was created without a bill. */
	getProps(id: string): Promise<RenderProps | undefined>;
	requeue(id: string): Promise<void>;
	markRendering(id: string, progress: number, attempt: number): Promise<void>;
	markRetrying(id: string, attempt: number): Promise<void>;
	/** Answers the record as written, or undefined when there is no such render. */
	markCompleted(id: string, output: RenderOutput): Promise<RenderRecord | undefined>;
	markFailed(id: string, error: RenderErrorValue): Promise<RenderRecord | undefined>;
	delete(id: string): Promise<void>;
	/** The Redis key of a render's record, for scripts that must read it in the same step as keys of their own. */
	keyOf(id: string): string;
}

/**
 * Render records as JSON strings in Redis, one key per render. With `ttlSeconds` (the retention), a record and its bill
 * expire that long after the render was created, whatever happens to it meanwhile.
 */
export const makeRenderStore = ({
	redis,
	prefix = 'billcast:render:',
	ttlSeconds,
}: {
	redis: Redis;
	prefix?: string;
	ttlSeconds?: number;
}): RenderStore => {
	const ttl = ttlSeconds ? Math.ceil(ttlSeconds) : undefined;
	type Pipeline = ReturnType<Redis['pipeline']>;
	const setNew = (multi: Pipeline, k: string, value: string, onlyIfAbsent: boolean): Pipeline => {
		if (ttl && onlyIfAbsent) return multi.set(k, value, 'EX', ttl, 'NX');
		if (ttl) return multi.set(k, value, 'EX', ttl);
		return onlyIfAbsent ? multi.set(k, value, 'NX') : multi.set(k, value);
	};
	const key = (id: string) => `${prefix}${id}`;
	// Render ids never contain ':', so this can never be another render's key.
	const propsKey = (id: string) => `${prefix}${id}:props`;
	const get = async (id: string): Promise<RenderRecord | undefined> => {
		const raw = await redis.get(key(id));
		return raw ? (JSON.parse(raw) as RenderRecord) : undefined;
	};
	const update = async (id: string, next: (base: RenderRecord) => RenderRecord): Promise<RenderRecord | undefined> => {
		const current = await get(id);
		if (!current) return undefined;
		const record = next(current);
		await redis.set(key(id), JSON.stringify(record), 'KEEPTTL');
		return record;
	};
	const now = () => new Date().toISOString();
	const base = ({id, tenant, template, format, createdAt}: RenderRecord) => ({
		id,
		tenant,
		template,
		format,
		createdAt,
		updatedAt: now(),
	});
	const createMany = async (renders: readonly NewRender[]): Promise<boolean[]> => {
		const at = now();
		const created = await renders
			.reduce((multi, {bill: _, ...render}) => {
				const record: RenderRecord = {...render, status: 'queued', attempt: 1, createdAt: at, updatedAt: at};
				return setNew(multi, key(render.id), JSON.stringify(record), true);
			}, redis.pipeline())
			.exec();
		const isNew = (created ?? []).map(([, reply]) => reply === 'OK');
		const props = renders.flatMap(({bill, ...render}, index) =>
			isNew[index] && bill ? [[propsKey(render.id), JSON.stringify({template: render.template, format: render.format, bill} as RenderProps)]] : [],
		);
		if (props.length > 0) await props.reduce((multi, [k, v]) => setNew(multi, k!, v!, false), redis.pipeline()).exec();
		return isNew;
	};
	return {
		create: async (render) => (await createMany([render]))[0]!,
		createMany,
		get,
		async getMany(ids) {
			if (ids.length === 0) return [];
			const raws = await redis.mget(ids.map(key));
			return raws.map((raw) => (raw ? (JSON.parse(raw) as RenderRecord) : undefined));
		},
		async getProps(id) {
			const raw = await redis.get(propsKey(id));
			return raw ? (JSON.parse(raw) as RenderProps) : undefined;
		},
		async requeue(id) {
			await update(id, (r) => ({...base(r), status: 'queued', attempt: 1}));
		},
		async markRendering(id, progress, attempt) {
			await update(id, (r) => ({...base(r), status: 'rendering', progress, attempt}));
		},
		async markRetrying(id, attempt) {
			await update(id, (r) => ({...base(r), status: 'queued', attempt}));
		},
		markCompleted: (id, output) => update(id, (r) => ({...base(r), status: 'completed', output})),
		markFailed: (id, error) => update(id, (r) => ({...base(r), status: 'failed', error})),
		async delete(id) {
			await redis.del(key(id), propsKey(id));
		},
		keyOf: key,
	};
};
