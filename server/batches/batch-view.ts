import type {BatchRecord, BatchStore} from './batch-store';
import type {RenderStore} from '../renders/render-store';
import {urlUnder} from '../platform/urls';

export const batchLinks = (publicBaseUrl: string, id: string) => {
	const self = urlUnder(publicBaseUrl, 'v1', 'batches', id);
	return {self, exportCsv: urlUnder(self, 'export.csv'), exportNdjson: urlUnder(self, 'export.ndjson')};
};

/** The public JSON of a batch: its renders by state, its refused lines, its links. */
export const batchView = async ({
	batch,
	store,
	batches,
	publicBaseUrl,
}: {
	batch: BatchRecord;
	store: RenderStore;
	batches: BatchStore;
	publicBaseUrl: string;
}) => {
	const counts = {'on-demand': 0, queued: 0, rendering: 0, completed: 0, failed: 0};
	for await (const page of batches.entries(batch.id)) {
		for (const record of await store.getMany(page.map((entry) => entry.renderId))) if (record) counts[record.status]++;
	}
	const accepted = batch.status === 'receiving' ? 0 : batch.accepted;
	const failures = await batches.failures(batch.id, 100);
	return {
		...batch,
		renders: counts,
		// An on-demand render waits for no one until it is asked for, so it counts as settled.
		progress: accepted === 0 ? 0 : (counts.completed + counts.failed + counts['on-demand']) / accepted,
		// Copied because the published schema's arrays are mutable and the stored ones are read-only.
		failures: {total: failures.total, first: failures.first.map((failure) => ({line: failure.line, errors: [...failure.errors]}))},
		links: batchLinks(publicBaseUrl, batch.id),
	};
};
