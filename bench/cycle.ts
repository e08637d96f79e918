import {spawn, type ChildProcess} from 'node:child_process';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {startRedisServer} from '../server/dev/ensure-redis';
import {DEV_API_KEY} from '../server/tenants/tenant-registry';
import {freePort} from '../test/helpers/free-port';
import {benchCustomers} from './bench-customers';

/** Customers whose links are opened after the cycle is accepted; spread over the whole export. */
const SAMPLE = 20;

const cycleBody = (bills: number) => {
	const [bill] = benchCustomers(1);
	return Readable.from(
		(function* () {
			for (let index = 0; index < bills; index++) {
				const customer = {...bill!.customer, id: `CYCLE-${index}`};
				yield `${JSON.stringify({template: 'telco-bill', outputs: {mp4: 'on-demand', poster: 'on-demand'}, bill: {...bill, customer}})}\n`;
			}
		})(),
	);
};

const started = (child: ChildProcess, line: string) =>
	new Promise<void>((ready, fail) => {
		child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes(line) && ready());
		child.once('exit', (code) => fail(new Error(`${child.spawnargs.at(-1)} exited with ${code}`)));
	});

/**
 * A billing cycle with its MP4s and posters on demand, posted as NDJSON to a real API process: the time until every
 * customer has a working watch link and poster URL is the time until the 202, since nothing has to render first. It is
 * then checked for real: a sample of customers spread over the export get their watch page, their player data and their
 * poster (drawn at that first fetch by a real worker process), each must answer 200.
 */
export const measureCycle = async ({dir, bills, root, bundleDir, browserExecutable}: {dir: string; bills: number; root: string; bundleDir: string; browserExecutable: string}) => {
	const redis = await startRedisServer({port: await freePort(), dir: join(dir, 'cycle-redis')});
	const port = await freePort();
	const env = {
		...process.env,
		PORT: String(port),
		REDIS_URL: redis.url,
		BILLCAST_QUEUE: `bench-cycle-${Date.now()}`,
		BILLCAST_DATA_DIR: join(dir, 'cycle-data'),
		BILLCAST_BUNDLE_DIR: bundleDir,
		REMOTION_BROWSER_EXECUTABLE: browserExecutable,
	};
	const api = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/api/api-main.ts')], {cwd: root, env, stdio: ['ignore', 'pipe', 'inherit']});
	const worker = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/worker/worker-main.ts')], {cwd: root, env, stdio: ['ignore', 'pipe', 'inherit']});
	const auth = {authorization: `Bearer ${DEV_API_KEY}`};
	try {
		await Promise.all([started(api, 'listening'), started(worker, 'worker ready')]);
		const start = Date.now();
		const response = await fetch(`http://127.0.0.1:${port}/v1/batches`, {
			method: 'POST',
			headers: {...auth, 'content-type': 'application/x-ndjson'},
			body: Readable.toWeb(cycleBody(bills)) as ReadableStream,
			duplex: 'half',
		} as RequestInit);
		const answer = (await response.json()) as {accepted?: number; rejected?: number; links?: {exportNdjson: string}};
		const readyS = (Date.now() - start) / 1000;
		if (response.status !== 202 || !answer.links) throw new Error(`POST /v1/batches answered ${response.status}: ${JSON.stringify(answer)}`);
		const exportStart = Date.now();
		const rows = (await (await fetch(answer.links.exportNdjson, {headers: auth})).text())
			.trim()
			.split('\n')
			.map((text) => JSON.parse(text) as {watchLink: string; posterLink: string; mp4: string});
		const exportS = (Date.now() - exportStart) / 1000;
		const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, `http://127.0.0.1:${port}`);
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
			accepted: answer.accepted,
			rejected: answer.rejected,
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
		api.kill('SIGTERM');
		worker.kill('SIGTERM');
		await Promise.all([api, worker].map((child) => (child.exitCode === null ? new Promise((done) => child.once('exit', done)) : undefined)));
		await redis.stop();
	}
};
