import type {RedisClient} from '../platform/redis-connection';
import type {FieldError} from '../platform/errors';

/** A field error of a batch line; a CSV bill's also names the column and line of the cell it comes from. */
export interface BatchFieldError extends FieldError {
	readonly column?: string;
	readonly line?: number;
}

export interface BatchFailure {
	/** 1-based line of the NDJSON or CSV body (a CSV bill's first row), or position in the JSON array. */
	readonly line: number;
	readonly errors: readonly BatchFieldError[];
}

interface BatchBase {
	readonly id: string;
	readonly tenant: string;
	readonly createdAt: string;
}

interface BatchCounts {
	readonly lines: number;
	readonly accepted: number;
	readonly rejected: number;
}

/**
 * A batch is receiving while its body streams in; accepted once every line has been read and queued or refused;
 * interrupted when the body stopped making sense part-way (a line over the cap, broken CSV quoting, a bad gzip stream):
 * the lines before that point stay queued or refused, and `reason` says where it stopped.
 */
export type BatchRecord =
	| (BatchBase & {readonly status: 'receiving'})
	| (BatchBase & BatchCounts & {readonly status: 'accepted'})
	| (BatchBase & BatchCounts & {readonly status: 'interrupted'; readonly reason: {readonly code: string; readonly message: string}});

export interface BatchEntry {
	readonly customerReference: string;
	readonly renderId: string;
}

/** A render a batch line makes, as the batch checks it against the lines before it. */
interface BatchCandidate {
	readonly line: number;
	readonly renderId: string;
	/** The bill whatever its format: two formats of one bill share a bill number without making it ambiguous. */
	readonly billId: string;
	readonly billNumber: string;
}

/**
 * What a line is to the lines before it: a render of its own; the same render again (the same request, sent twice); or
 * a render of another bill whose bill number an earlier line's bill already has, so that number names no one bill.
 */
type BatchAdmission = {readonly as: 'new'} | {readonly as: 'repeat'; readonly of: number} | {readonly as: 'billNumberReused'; readonly of: number};

/** The renders of a bill number several bills share in a batch; the first few are named, however many there are. */
interface ReusedBillNumber {
	readonly count: number;
	readonly renders: readonly string[];
}

const NAMED_RENDERS = 20;

type Replies = Array<[Error | null, unknown]>;

/**
 * Batches in Redis: the record, the list of its renders and the list of refused lines, appended chunk by chunk, and the
 * bill numbers several of its bills share. All expire `ttlSeconds` (the retention) after the batch was created, like the
 * renders they list; the first line of each bill number, kept while the batch is received, is deleted when it is done.
 */
export const makeBatchStore = ({redis, prefix, ttlSeconds}: {redis: RedisClient; prefix: string; ttlSeconds: number}) => {
	const key = (id: string, part = '') => `${prefix}${id}${part}`;
	const ttl = Math.ceil(ttlSeconds);
	return {
		async create(batch: BatchBase): Promise<void> {
			await redis.set(key(batch.id), JSON.stringify({...batch, status: 'receiving'} satisfies BatchRecord), 'EX', ttl);
		},
		async append(id: string, entries: readonly BatchEntry[], failures: readonly BatchFailure[]): Promise<void> {
			const multi = redis.multi();
			// NX: the first chunk starts the list's lifetime, so every part of the batch ends at about the same time.
			if (entries.length) multi.rpush(key(id, ':renders'), ...entries.map((e) => `${e.customerReference}\t${e.renderId}`)).expire(key(id, ':renders'), ttl, 'NX');
			if (failures.length) multi.rpush(key(id, ':failures'), ...failures.map((f) => JSON.stringify(f))).expire(key(id, ':failures'), ttl, 'NX');
			await multi.exec();
		},
		/**
		 * Sorts a chunk of lines against every line before it, in order, so a render is listed, exported and counted once
		 * and a bill number shared by several bills is known. The first line of each bill number is kept only while the
		 * batch is received; renders of another line's render id beyond the first are looked up only for a reused number.
		 */
		async admit(id: string, candidates: readonly BatchCandidate[]): Promise<BatchAdmission[]> {
			const seen = key(id, ':seen');
			const byNumber = redis.multi();
			for (const c of candidates) byNumber.hsetnx(seen, `b:${c.billNumber}`, `${c.line}\t${c.billId}\t${c.renderId}`).hget(seen, `b:${c.billNumber}`);
			const firsts = ((await byNumber.expire(seen, ttl, 'NX').exec()) as Replies).filter((_, index) => index % 2 === 1).map(([, raw]) => (raw as string).split('\t') as [string, string, string]);
			const admissions: BatchAdmission[] = [];
			// A second line of a bill number already seen: its render may still be one an earlier line of that number made.
			const later = candidates.flatMap((c, index) => {
				const [line, billId, renderId] = firsts[index]!;
				if (Number(line) === c.line) admissions[index] = {as: 'new'};
				else if (renderId === c.renderId) admissions[index] = {as: 'repeat', of: Number(line)};
				else return [{c, index, first: {line: Number(line), billId, renderId}}];
				return [];
			});
			if (later.length === 0) return admissions;
			const byRender = redis.multi();
			for (const {c} of later) byRender.hsetnx(seen, `r:${c.renderId}`, String(c.line)).hget(seen, `r:${c.renderId}`);
			for (const {c} of later) byRender.hget(key(id, ':reused'), c.billNumber);
			const replies = (await byRender.exec()) as Replies;
			const reused = new Map<string, ReusedBillNumber>();
			for (const [n, {c, index, first}] of later.entries()) {
				const line = Number(replies[2 * n + 1]![1]);
				if (line !== c.line) {
					admissions[index] = {as: 'repeat', of: line};
					continue;
				}
				// Another format of the first bill is the same bill: a payment by its number settles both.
				if (c.billId === first.billId) {
					admissions[index] = {as: 'new'};
					continue;
				}
				admissions[index] = {as: 'billNumberReused', of: first.line};
				const stored = replies[2 * later.length + n]![1] as string | null;
				const before = reused.get(c.billNumber) ?? (stored ? (JSON.parse(stored) as ReusedBillNumber) : {count: 1, renders: [first.renderId]});
				reused.set(c.billNumber, {count: before.count + 1, renders: before.renders.length < NAMED_RENDERS ? [...before.renders, c.renderId] : before.renders});
			}
			if (reused.size > 0) {
				await redis
					.multi()
					.hset(key(id, ':reused'), ...[...reused].flatMap(([billNumber, value]) => [billNumber, JSON.stringify(value)]))
					.expire(key(id, ':reused'), ttl, 'NX')
					.exec();
			}
			return admissions;
		},
		/** The renders of a bill number several bills of the batch share, or undefined when it names one bill or none. */
		async reusedBillNumber(id: string, billNumber: string): Promise<ReusedBillNumber | undefined> {
			const raw = await redis.hget(key(id, ':reused'), billNumber);
			return raw ? (JSON.parse(raw) as ReusedBillNumber) : undefined;
		},
		async finish(batch: Exclude<BatchRecord, {status: 'receiving'}>): Promise<void> {
			// The first line of each bill number is needed only while lines come in: a million of them would outlive their use.
			await redis.multi().set(key(batch.id), JSON.stringify(batch), 'KEEPTTL').del(key(batch.id, ':seen')).exec();
		},
		async get(id: string): Promise<BatchRecord | undefined> {
			const raw = await redis.get(key(id));
			return raw ? (JSON.parse(raw) as BatchRecord) : undefined;
		},
		/** The batch's renders, a page at a time, so a 100,000-line batch is never held whole. */
		async *entries(id: string, pageSize = 1_000): AsyncGenerator<BatchEntry[]> {
			for (let start = 0; ; start += pageSize) {
				const page = await redis.lrange(key(id, ':renders'), start, start + pageSize - 1);
				if (page.length === 0) return;
				yield page.map((line) => {
					const [customerReference, renderId] = line.split('\t') as [string, string];
					return {customerReference, renderId};
				});
			}
		},
		async failures(id: string, limit: number): Promise<{total: number; first: BatchFailure[]}> {
			const [total, first] = await Promise.all([redis.llen(key(id, ':failures')), redis.lrange(key(id, ':failures'), 0, limit - 1)]);
			return {total, first: first.map((raw) => JSON.parse(raw) as BatchFailure)};
		},
	};
};

export type BatchStore = ReturnType<typeof makeBatchStore>;
