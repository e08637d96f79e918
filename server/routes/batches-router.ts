import {createHash, randomBytes} from 'node:crypto';
import {createInterface} from 'node:readline';
import express, {Router, type Request} from 'express';
import {NotFoundError, UnsupportedMediaTypeError, ValidationError} from '../errors';
import type {CampaignCounters} from '../analytics/campaign-counters';
import type {CampaignIndex} from '../analytics/campaign-index';
import {experimentQuerySchema} from '../analytics/experiment';
import {ingestBatch, type BatchLine} from '../batch-ingest';
import type {BatchCompletion} from '../batch-completion';
import type {BatchStore} from '../batch-store';
import {batchLinks, batchView} from '../batch-view';
import type {Idempotency} from '../idempotency';
import type {RenderStore} from '../render-store';
import type {RenderQueue} from '../render-queue';
import {ownBatch} from '../own-batch';
import {tenantOf} from '../tenant';
import type {WatchLinks} from '../watch-links';
import type {WebhookNotifier} from '../webhook-notifier';
import {fieldErrorsFromZod} from '../zod-field-errors';

/** A JSON array is held in memory, so it is capped; NDJSON streams and has no cap. */
export const MAX_JSON_BATCH = 1_000;
const MAX_LINE_BYTES = 256 * 1024;

const ndjsonLines = async function* (req: Request, hash: ReturnType<typeof createHash>): AsyncGenerator<BatchLine> {
	let line = 0;
	for await (const text of createInterface({input: req, crlfDelay: Infinity})) {
		line++;
		hash.update(`${text}\n`);
		if (text.trim() === '') continue;
		if (text.length > MAX_LINE_BYTES) {
			yield {line, parseError: `the line is longer than ${MAX_LINE_BYTES} bytes`};
			continue;
		}
		try {
			yield {line, body: JSON.parse(text)};
		} catch (error) {
			yield {line, parseError: error instanceof Error ? error.message : String(error)};
		}
	}
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
	idempotency,
	publicBaseUrl,
	watchLinks,
	jsonLimit,
	campaigns,
	counters,
}: {
	store: RenderStore;
	batches: BatchStore;
	completion: BatchCompletion;
	webhooks: WebhookNotifier;
	queue: RenderQueue;
	idempotency: Idempotency;
	publicBaseUrl: string;
	watchLinks: WatchLinks;
	jsonLimit: string;
	campaigns: CampaignIndex;
	counters: CampaignCounters;
}): Router => {
	const router = Router();
	const links = (id: string) => batchLinks(publicBaseUrl, id);

	router.post('/v1/batches', express.json({limit: jsonLimit}), async (req, res) => {
		const tenant = tenantOf(res);
		const isNdjson = req.is('application/x-ndjson') || req.is('application/jsonl');
		if (!isNdjson && !req.is('application/json')) throw new UnsupportedMediaTypeError(req.get('content-type'));
		if (!isNdjson && !Array.isArray(req.body)) throw new ValidationError([{path: '', message: 'must be a JSON array of render requests'}]);
		if (!isNdjson && (req.body as unknown[]).length > MAX_JSON_BATCH) {
			throw new ValidationError([{path: '', message: `holds more than ${MAX_JSON_BATCH} bills: send them as NDJSON (application/x-ndjson)`}]);
		}
		const parsedExperiment = experimentQuerySchema.safeParse(req.query);
		if (!parsedExperiment.success) throw new ValidationError(fieldErrorsFromZod(parsedExperiment.error));
		const experiment = parsedExperiment.data;
		const hash = createHash('sha256');
		const lines = isNdjson ? ndjsonLines(req, hash) : arrayLines(req.body as unknown[]);
		const bodySha256 = async () => {
			if (!isNdjson) return createHash('sha256').update(JSON.stringify(req.body)).digest('hex');
			for await (const _ of lines);
			return hash.digest('hex');
		};
		const response = await idempotency.run({
			tenant: tenant.id,
			key: req.get('idempotency-key'),
			bodySha256,
			handle: async () => {
				const id = `${tenant.id}_batch_${Date.now()}_${randomBytes(4).toString('hex')}`;
				await batches.create({id, tenant: tenant.id, createdAt: new Date().toISOString()});
				await completion.open(id);
				const filing = campaigns.indexing(store, {id, experiment, onFiled: (renders) => counters.sent(renders)});
				const counts = await ingestBatch({batchId: id, tenant, lines, store: filing, batches, completion, queue});
				const record = {id, tenant: tenant.id, createdAt: new Date().toISOString(), status: 'accepted' as const, ...counts};
				await batches.finish(record);
				await webhooks.batchIngested(id);
				const failures = await batches.failures(id, 100);
				const body = {id, status: record.status, ...counts, failures: failures.first, links: links(id)};
				return {status: 202, body, location: links(id).self, ...(isNdjson ? {bodySha256: hash.digest('hex')} : {})};
			},
		});
		if (response.location) res.location(response.location);
		res.status(response.status).json(response.body);
	});

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
		if (format === 'csv') res.write(`customer_reference,render_id,watch_link,status${experiment ? ',variant' : ''}\n`);
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
			}));
			// Customer references, render ids and links never contain commas or quotes, so no CSV quoting is needed.
			res.write(rows.map((row) => (format === 'csv' ? Object.values(row).join(',') : JSON.stringify(row))).join('\n') + '\n');
		}
		res.end();
	});

	return router;
};
