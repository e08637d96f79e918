import {createHash, randomBytes, type Hash} from 'node:crypto';
import express, {Router, type Request, type Response} from 'express';
import {NotFoundError, ValidationError} from '../platform/errors';
import {decodedBody, type BodyLimits} from './batch-body';
import {BatchInterruptedError, BatchMediaTypeError} from './batch-errors';
import type {CampaignCounters} from '../analytics/campaign-counters';
import type {CampaignIndex} from '../analytics/campaign-index';
import {experimentQuerySchema} from '../analytics/experiment';
import {ingestBatch, type BatchLine} from './batch-ingest';
import {cappedLines} from './batch-lines';
import {csvBills} from './csv-bills';
import {csvRow} from '../platform/csv-row';
import {mappingNameSchema} from './mapping-schema';
import type {MappingStore} from './mapping-store';
import type {BatchCompletion} from './batch-completion';
import type {BatchStore} from './batch-store';
import {batchLinks, batchView} from './batch-view';
import type {Idempotency} from '../platform/idempotency';
import type {RenderStore} from '../renders/render-store';
import type {RenderQueue} from '../renders/render-queue';
import type {PosterQueue} from '../renders/on-demand-poster-queue';
import {exportOutputColumns} from './batch-export-outputs';
import {verifyJsonBody} from '../platform/require-json';
import {tenantOf, type Tenant} from '../tenants/tenant';
import {ownBatch} from './own-batch';
import type {WatchLinks} from '../watch/watch-links';
import type {WebhookNotifier} from '../webhooks/webhook-notifier';
import {fieldErrorsFromZod} from '../platform/zod-field-errors';
import {parseJsonWithinDepth} from '../platform/json-depth';

/** A JSON array is held in memory, so it is capped by count; NDJSON and CSV stream, capped by lines and decoded bytes. */
export const MAX_JSON_BATCH = 1_000;
/** The longest NDJSON line or CSV record, checked while it is read. */
export const MAX_LINE_BYTES = 256 * 1024;
/** Lines of a streamed batch, blank ones included: each costs CPU however little it holds. */
export const MAX_BATCH_LINES = 1_000_000;
/** Bytes of a streamed batch once its Content-Encoding is undone, as a billing cycle of a million bills needs. */
const MAX_BATCH_BYTES = 1024 * 1024 * 1024;
export const MAX_BATCH_BYTES_TEXT = '1gb';

const ndjsonLines = async function* (body: AsyncIterable<Buffer>): AsyncGenerator<BatchLine> {
	for await (const {line, text} of cappedLines(body, MAX_LINE_BYTES, MAX_BATCH_LINES)) {
		if (text === undefined) {
			yield {line, errors: [{path: '', message: 'is not UTF-8 text: save the file as UTF-8, not Windows-1252 or Latin-1'}]};
			continue;
		}
		if (text.trim() === '') continue;
		try {
			yield {line, body: parseJsonWithinDepth(text)};
		} catch (error) {
			yield {line, errors: [{path: '', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`}]};
		}
	}
};

/** The bills of a CSV body through the mapping `?mapping=` names; the header is read and checked before anything else. */
const csvLines = async ({
	req,
	hash,
	limits,
	mappings,
	tenant,
}: {
	req: Request;
	hash: Hash;
	limits: BodyLimits;
	mappings: MappingStore;
	tenant: Tenant;
}): Promise<AsyncGenerator<BatchLine>> => {
	const name = mappingNameSchema.safeParse(req.query.mapping);
	if (!name.success) {
		throw new ValidationError([{path: 'mapping', message: 'is required with text/csv: the name of a column mapping saved with PUT /v1/mappings/{name}'}]);
	}
	const mapping = await mappings.get(tenant.id, name.data);
	if (!mapping) throw new ValidationError([{path: 'mapping', message: `names no mapping of this tenant: save one with PUT /v1/mappings/${name.data}`}]);
	// The same CSV read through another mapping is another request.
	hash.update(`mapping=${name.data}\n`);
	return csvBills({body: decodedBody(req, hash, limits), mapping, mappingName: name.data, tenant, maxRecordBytes: MAX_LINE_BYTES, maxLines: MAX_BATCH_LINES});
};

type BatchKind = 'json' | 'ndjson' | 'csv';

/** What a batch of each kind must hold, for a body with none. */
const NO_BILLS_HINT: Record<BatchKind, string> = {
	json: 'send an array of at least one render request',
	ndjson: 'send at least one render request, one a line',
	csv: 'send at least one row after the header',
};

const kindOf = (req: Request): BatchKind => {
	const kind = req.is('application/x-ndjson') || req.is('application/jsonl') ? 'ndjson' : req.is('text/csv') ? 'csv' : req.is('application/json') ? 'json' : undefined;
	const charset = /;\s*charset="?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
	if (!kind || (kind !== 'json' && charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) throw new BatchMediaTypeError(req.get('content-type'));
	return kind;
};

const arrayLines = async function* (items: readonly unknown[]): AsyncGenerator<BatchLine> {
	for (const [index, body] of items.entries()) yield {line: index + 1, body};
};

export const makeBatchesRouter = ({
	store,
	batches,
	completion,
	webhooks,
	queue,
	posters,
	idempotency,
	publicBaseUrl,
	watchLinks,
	jsonLimit,
	mappings,
	campaigns,
	counters,
}: {
	store: RenderStore;
	batches: BatchStore;
	completion: BatchCompletion;
	webhooks: WebhookNotifier;
	queue: RenderQueue;
	posters: PosterQueue;
	idempotency: Idempotency;
	publicBaseUrl: string;
	watchLinks: WatchLinks;
	jsonLimit: string;
	mappings: MappingStore;
	campaigns: CampaignIndex;
	counters: CampaignCounters;
}): Router => {
	const router = Router();
	const links = (id: string) => batchLinks(publicBaseUrl, id);

	const jsonArray = express.json({limit: jsonLimit, verify: verifyJsonBody});

	router.post('/v1/batches', jsonArray, async (req, res) => {
		try {
			await postBatch(req, res);
		} catch (error) {
			// Refused mid-body: close the connection instead of reading the rest of a body that may never end.
			if (!req.complete) res.set('connection', 'close');
			throw error;
		}
	});

	const postBatch = async (req: Request, res: Response) => {
		const tenant = tenantOf(res);
		const kind = kindOf(req);
		const isStreamed = kind !== 'json';
		if (!isStreamed && !Array.isArray(req.body)) throw new ValidationError([{path: '', message: 'must be a JSON array of render requests'}]);
		if (!isStreamed && (req.body as unknown[]).length > MAX_JSON_BATCH) {
			throw new ValidationError([{path: '', message: `holds more than ${MAX_JSON_BATCH} bills: send them as NDJSON (application/x-ndjson) or CSV`}]);
		}
		const parsedExperiment = experimentQuerySchema.safeParse(req.query);
		if (!parsedExperiment.success) throw new ValidationError(fieldErrorsFromZod(parsedExperiment.error));
		const experiment = parsedExperiment.data;
		const hash = createHash('sha256');
		const gone = new AbortController();
		res.once('close', () => gone.abort());
		const limits: BodyLimits = {maxBytes: MAX_BATCH_BYTES, maxBytesText: MAX_BATCH_BYTES_TEXT, signal: gone.signal};
		const lines =
			kind === 'csv'
				? await csvLines({req, hash, limits, mappings, tenant})
				: kind === 'ndjson'
					? ndjsonLines(decodedBody(req, hash, limits))
					: arrayLines(req.body as unknown[]);
		const bodySha256 = async () => {
			if (!isStreamed) return createHash('sha256').update(JSON.stringify(req.body)).digest('hex');
			for await (const _ of lines);
			return hash.digest('hex');
		};
		const response = await idempotency.run({
			tenant: tenant.id,
			key: req.get('idempotency-key'),
			bodySha256,
			handle: async () => {
				// Read before the batch is made, so a body wrong from its first line, or with no line at all, leaves no empty batch behind.
				const first = await lines.next();
				if (first.done) throw new ValidationError([{path: '', message: `holds no bills: ${NO_BILLS_HINT[kind]}`}]);
				const all = async function* () {
					if (!first.done) yield first.value;
					yield* lines;
				};
				const id = `${tenant.id}_batch_${Date.now()}_${randomBytes(4).toString('hex')}`;
				const createdAt = new Date().toISOString();
				await batches.create({id, tenant: tenant.id, createdAt});
				await completion.open(id);
				const filing = campaigns.indexing(store, {id, experiment, onFiled: (renders) => counters.sent(renders)});
				const {interruptedBy, warnings, ...counts} = await ingestBatch({batchId: id, tenant, lines: all(), store: filing, batches, completion, queue, experiment, posters});
				const base = {id, tenant: tenant.id, createdAt, ...counts};
				await batches.finish(
					interruptedBy ? {...base, status: 'interrupted', reason: {code: interruptedBy.code, message: interruptedBy.message}} : {...base, status: 'accepted'},
				);
				await webhooks.batchIngested(id);
				if (interruptedBy) throw new BatchInterruptedError(interruptedBy, {url: links(id).self, ...counts});
				const failures = await batches.failures(id, 100);
				const body = {id, status: 'accepted' as const, ...counts, failures: failures.first, ...(warnings.length > 0 ? {warnings} : {}), links: links(id)};
				return {status: 202, body, location: links(id).self, ...(isStreamed ? {bodySha256: hash.digest('hex')} : {})};
			},
		});
		if (response.location) res.location(response.location);
		res.status(response.status).json(response.body);
	};

	router.get('/v1/batches/:id', async (req, res) => {
		res.json(await batchView({batch: await ownBatch(batches, req.params.id, res), store, batches, publicBaseUrl}));
	});

	router.get('/v1/batches/:id/export.:format', async (req, res) => {
		const format = req.params.format;
		if (format !== 'csv' && format !== 'ndjson') throw new NotFoundError(`Export format ${format}`);
		const batch = await ownBatch(batches, req.params.id, res);
		res.type(format === 'csv' ? 'text/csv' : 'application/x-ndjson');
		res.attachment(`${batch.id}.${format}`);
		// An experiment's export says which variant each bill is in, so the tenant's SMS or email run can word it so.
		const experiment = await campaigns.experimentOf(batch.id);
		if (format === 'csv') res.write(csvRow(['customer_reference', 'render_id', 'watch_link', 'status', ...(experiment ? ['variant'] : []), 'video_link', 'poster_link', 'mp4']));
		for await (const page of batches.entries(batch.id)) {
			const records = await store.getMany(page.map((entry) => entry.renderId));
			await counters.exported(page.map((entry) => entry.renderId), records);
			const filed = experiment ? await Promise.all(page.map((entry) => campaigns.campaignOf(entry.renderId))) : [];
			const rows = page.map((entry, index) => ({
				customerReference: entry.customerReference,
				renderId: entry.renderId,
				watchLink: watchLinks.urlFor(entry.renderId),
				status: records[index]?.status ?? 'unknown',
				...(experiment ? {variant: filed[index]?.variant ?? ''} : {}),
				...exportOutputColumns(entry.renderId, records[index], watchLinks),
			}));
			// A customer reference is any visible ASCII: commas, quotes, even a formula, so CSV cells are always written by csvRow.
			res.write(rows.map((row) => (format === 'csv' ? csvRow(Object.values(row)) : `${JSON.stringify(row)}\n`)).join(''));
		}
		res.end();
	});

	return router;
};
