import {Readable} from 'node:stream';
import {DEV_API_KEY} from '../server/tenants/tenant-registry';
import {benchCustomers} from './bench-customers';
import {startServiceProcesses} from './service-processes';

/** Customers whose links are opened after the cycle is accepted; spread over the whole export. */
const SAMPLE = 20;
/**
 * Bills per request. One request for 100,000 lines on a loaded 2-core machine outlasts Node's default 5-minute
 * requestTimeout of the API's server (the connection is cut mid-body), so the cycle goes as a few batches in a row.
 */
const PER_REQUEST = 20_000;

const cycleBody = (from: number, bills: number) => {
	const [bill] = benchCustomers(1);
	return Readable.from(
		(function* () {
			for (let index = from; index < from + bills; index++) {
				const customer = {...bill!.customer, id: `CYCLE-${index}`};
				yield `${JSON.stringify({template: 'telco-bill', outputs: {mp4: 'on-demand', poster: 'on-demand'}, bill: {...bill, customer}})}\n`;
			}
		})(),
	);
};

/**
 * A billing cycle with its MP4s and posters on demand, posted as NDJSON to a real API process: the time until every
 * customer has a working watch link and poster URL is the time until the 202, since nothing has to render first. It is
 * then checked for real: a sample of customers spread over the export get their watch page, their player data and their
 * poster (drawn at that first fetch by a real worker process), each must answer 200.
 */
export const measureCycle = async ({dir, bills, root, bundleDir, browserExecutable}: {dir: string; bills: number; root: string; bundleDir: string; browserExecutable: string}) => {
	const {base, local, stop} = await startServiceProcesses({name: 'cycle', dir, root, bundleDir, browserExecutable});
	const auth = {authorization: `Bearer ${DEV_API_KEY}`};
	try {
		const start = Date.now();
		let accepted = 0;
		let rejected = 0;
		const exports: string[] = [];
		for (let from = 0; from < bills; from += PER_REQUEST) {
			const response = await fetch(`${base}/v1/batches`, {
				method: 'POST',
				headers: {...auth, 'content-type': 'application/x-ndjson'},
				body: Readable.toWeb(cycleBody(from, Math.min(PER_REQUEST, bills - from))) as ReadableStream,
				duplex: 'half',
			} as RequestInit);
			const answer = (await response.json()) as {accepted?: number; rejected?: number; links?: {exportNdjson: string}};
			if (response.status !== 202 || !answer.links) throw new Error(`POST /v1/batches answered ${response.status}: ${JSON.stringify(answer)}`);
			accepted += answer.accepted ?? 0;
			rejected += answer.rejected ?? 0;
			exports.push(answer.links.exportNdjson);
		}
		const readyS = (Date.now() - start) / 1000;
		const exportStart = Date.now();
		const rows: Array<{watchLink: string; posterLink: string; mp4: string}> = [];
		for (const url of exports) {
			const text = await (await fetch(local(url), {headers: auth})).text();
			for (const line of text.trim().split('\n')) rows.push(JSON.parse(line));
		}
		const exportS = (Date.now() - exportStart) / 1000;
		const sample = Array.from({length: Math.min(SAMPLE, rows.length)}, (_, index) => rows[Math.floor((index * rows.length) / Math.min(SAMPLE, rows.length))]!);
		const posterMs: number[] = [];
		let answered = 0;
		for (const row of sample) {
			const page = await fetch(local(row.watchLink));
			const data = await fetch(local(row.watchLink).replace('/w/', '/v1/watch/'));
			const posterStart = Date.now();
			const poster = await fetch(local(row.posterLink));
			const image = Buffer.from(await poster.arrayBuffer());
			posterMs.push(Date.now() - posterStart);
			const isJpeg = poster.headers.get('content-type') === 'image/jpeg' && image[0] === 0xff && image[1] === 0xd8;
			if (page.status === 200 && data.status === 200 && poster.status === 200 && isJpeg && row.mp4 === 'on-demand') answered++;
		}
		posterMs.sort((a, b) => a - b);
		return {
			bills,
			requests: exports.length,
			accepted,
			rejected,
			linksReadyS: +readyS.toFixed(1),
			billsPerSecond: Math.round(bills / readyS),
			exportRows: rows.length,
			exportS: +exportS.toFixed(1),
			sampled: sample.length,
			sampleAnswered200: answered,
			firstPosterMedianMs: posterMs[Math.floor(posterMs.length / 2)],
			firstPosterMaxMs: posterMs.at(-1),
		};
	} finally {
		await stop();
	}
};
