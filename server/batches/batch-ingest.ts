import type {BatchCompletion} from './batch-completion';
import type {BatchEntry, BatchFailure, BatchFieldError, BatchStore} from './batch-store';
import {BillcastError, type FieldError} from '../platform/errors';
import {inVariant, type Experiment} from '../analytics/experiment';
import {prepareRenderJob} from '../renders/prepare-render-job';
import type {PosterQueue} from '../renders/on-demand-poster-queue';
import type {RenderJob} from '../renders/render-job';
import type {RenderQueue} from '../renders/render-queue';
import type {RenderOutputs} from '../renders/render-record';
import {buildBillId} from '../renders/render-id';
import type {RenderStore} from '../renders/render-store';
import type {Tenant} from '../tenants/tenant';

/** Where a field of a CSV bill was read from. */
export interface CellSource {
	readonly column: string;
	readonly line: number;
}

/**
 * A batch line: its 1-based number and its parsed body, or why it could not be parsed. A body made from CSV cells says
 * which cell each field came from, so a refusal names the column the telco has to fix.
 */
export type BatchLine = {readonly line: number} & (
	| {readonly body: unknown; readonly sourceOf?: (path: string) => CellSource | undefined}
	| {readonly errors: readonly BatchFieldError[]}
);

const CHUNK = 500;

interface Accepted {
	readonly line: number;
	readonly job: RenderJob;
	readonly outputs: RenderOutputs;
	/** Where the line gave its bill number, for a warning that another bill of the batch has it too. */
	readonly billNumberPath: string;
}

/** Most lines whose warnings the answer lists; a cycle whose every bill has the same unknown section needs only a few. */
const MAX_WARNED_LINES = 100;

/**
 * An accepted line the tenant should look at: a TMF678 bill mapped by a guess (a line under "Other charges") and the
 * fields to map, a line that repeats an earlier one, or a bill number another bill of the batch has too.
 */
export interface BatchWarning {
	readonly line: number;
	readonly warnings: readonly FieldError[];
}

/**
 * Validates every line on its own and queues the good ones in chunks, so a bad line never blocks the others and a
 * stream of any length is never held whole in memory.
 */
export const ingestBatch = async ({
	batchId,
	tenant,
	lines,
	store,
	batches,
	completion,
	queue,
	experiment,
	posters,
}: {
	batchId: string;
	tenant: Tenant;
	lines: AsyncIterable<BatchLine>;
	store: RenderStore;
	batches: BatchStore;
	completion: BatchCompletion;
	queue: RenderQueue;
	/** Each bill is told in the variant the experiment draws for it. */
	experiment?: Experiment | undefined;
	posters: PosterQueue;
}): Promise<{lines: number; accepted: number; rejected: number; warnings: BatchWarning[]; interruptedBy?: BillcastError}> => {
	const warnings: BatchWarning[] = [];
	const warn = (line: number, found: readonly FieldError[]) => {
		const listed = warnings.findIndex((warning) => warning.line === line);
		if (listed !== -1) warnings[listed] = {line, warnings: [...warnings[listed]!.warnings, ...found]};
		else if (warnings.length < MAX_WARNED_LINES) warnings.push({line, warnings: found});
	};
	let jobs: Accepted[] = [];
	let failures: BatchFailure[] = [];
	let count = 0;
	let accepted = 0;
	let rejected = 0;
	const write = async (lines: Accepted[], refused: BatchFailure[]) => {
		// The same request twice makes the same render: it is one bill to send, so it is listed, exported and counted once.
		const admissions = await batches.admit(
			batchId,
			lines.map(({line, job}) => ({line, renderId: job.renderId, billId: buildBillId(job), billNumber: job.bill.billNumber})),
		);
		const repeats = lines.filter((_, index) => admissions[index]!.as === 'repeat');
		const chunk = lines.filter(({line, billNumberPath}, index) => {
			const admission = admissions[index]!;
			if (admission.as === 'repeat') warn(line, [{path: '', message: `repeats line ${admission.of}: the same render, accepted, listed and exported once`}]);
			if (admission.as === 'billNumberReused') {
				warn(line, [
					{
						path: billNumberPath,
						message: `is also the bill number of another bill, on line ${admission.of}: a payment confirmed by this bill number in this batch is refused as ambiguous, so confirm it by render (POST /v1/renders/{id}/payment)`,
					},
				]);
			}
			return admission.as !== 'repeat';
		});
		const isNew = await store.createMany(
			chunk.map(({job, outputs}) => ({id: job.renderId, tenant: job.tenant, template: job.template, format: job.format, bill: job.bill, scale: job.scale, outputs})),
		);
		const created = chunk.filter((_, index) => isNew[index]);
		// An on-demand MP4 is queued by its first request, not here: accepting it costs two Redis keys and no render.
		const toRender = created.filter(({outputs}) => outputs.mp4 === 'render').map(({job}) => job.renderId);
		// A bill accepted before, now wanted rendered: an on-demand one starts, once, like at a first request; a failed one
		// is tried again, like a single bill posted again; a queued one is queued again, for a batch retried after its
		// first attempt stopped between writing records and queueing their jobs (adding an existing job id does nothing).
		// So is a line repeating one that left its MP4 on demand.
		const wanted = [...chunk.filter((_, index) => !isNew[index]), ...repeats].filter(({outputs}) => outputs.mp4 === 'render');
		const before = await store.getMany(wanted.map(({job}) => job.renderId));
		const started = await Promise.all(
			wanted.map(async ({job}, index) => {
				switch (before[index]?.status) {
					case 'on-demand':
						return store.requestOnDemand(job.renderId);
					case 'failed':
						await queue.forget(job.renderId);
						return store.requeue(job.renderId);
					case 'queued':
						return true;
					default:
						return false;
				}
			}),
		);
		await queue.enqueueBatch([...toRender, ...wanted.filter((_, index) => started[index]).map(({job}) => job.renderId)]);
		await posters.requestBatch(created.filter(({outputs}) => outputs.mp4 === 'on-demand' && outputs.poster === 'render').map(({job}) => job.renderId));
		// Also the renders another request queued: the batch is complete only once they have ended too.
		await completion.track(batchId, chunk.map(({job}) => job.renderId));
		const entries: BatchEntry[] = chunk.map(({job}) => ({customerReference: job.bill.customer.id, renderId: job.renderId}));
		await batches.append(batchId, entries, refused);
		accepted += chunk.length;
		rejected += refused.length;
	};
	// One chunk is written to Redis while the next is parsed and checked: the two halves of the work overlap instead of
	// taking turns, and at most two chunks are ever held.
	let writing: Promise<void> = Promise.resolve();
	const flush = async () => {
		await writing;
		writing = write(jobs, failures);
		// Awaited at the next flush or at the end; until then a failure must not count as unhandled.
		writing.catch(() => undefined);
		jobs = [];
		failures = [];
	};
	const readLines = async () => {
		for await (const item of lines) {
			count++;
			if ('errors' in item) {
				failures.push({line: item.line, errors: item.errors});
			} else {
				const prepared = prepareRenderJob(tenant, item.body);
				const {sourceOf} = item;
				if (prepared.ok) {
					const billNumberPath = typeof item.body === 'object' && item.body !== null && 'tmf678' in item.body ? 'tmf678.customerBill.billNo' : 'bill.billNumber';
					jobs.push({line: item.line, job: experiment ? inVariant(experiment, prepared.job) : prepared.job, outputs: prepared.outputs, billNumberPath});
				} else failures.push({line: item.line, errors: sourceOf ? prepared.errors.map((error) => ({...error, ...sourceOf(error.path)})) : prepared.errors});
				if (prepared.ok && prepared.warnings.length > 0) warn(item.line, prepared.warnings);
			}
			if (jobs.length + failures.length >= CHUNK) await flush();
		}
	};
	let interruptedBy: BillcastError | undefined;
	try {
		await readLines();
	} catch (error) {
		// The client's body went wrong part-way: what came before it is still queued or refused, and answered for.
		if (!(error instanceof BillcastError)) throw error;
		interruptedBy = error;
	}
	await flush();
	await writing;
	// Lines are warned of as they are read, and of repeats as their chunk is written: answered in line order.
	warnings.sort((a, b) => a.line - b.line);
	return {lines: count, accepted, rejected, warnings, ...(interruptedBy ? {interruptedBy} : {})};
};
