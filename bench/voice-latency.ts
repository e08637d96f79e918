import {DEV_API_KEY} from '../server/tenants/tenant-registry';
import {benchCustomers} from './bench-customers';
import {startServiceProcesses} from './service-processes';

const POLL_MS = 100;
const GIVE_UP_MS = 120_000;

/**
 * `npm run bench -- --voice-latency [bills]`: the time from `POST /v1/renders` until the watch link speaks (its watch
 * data carries the narration and `narration.m4a` answers), against a real API and worker process left idle between
 * bills, as the "within 5 s of submission" reads. Each bill is posted twice over, once rendering its MP4 beside
 * the narration and once on demand, where the client's first look at the watch data asks for the voice. Bills differ in
 * name and amounts, so every one is synthesized, not read from the speech cache.
 */
export const measureVoiceLatency = async ({dir, bills, root, bundleDir, browserExecutable}: {dir: string; bills: number; root: string; bundleDir: string; browserExecutable: string}) => {
	const {base, local, stop} = await startServiceProcesses({name: 'voice', dir, root, bundleDir, browserExecutable});
	const auth = {authorization: `Bearer ${DEV_API_KEY}`};
	const rows: Array<{bill: number; outputs: string; speakingS: number}> = [];
	try {
		const customers = benchCustomers(bills * 2);
		for (const [index, bill] of customers.entries()) {
			const onDemand = index % 2 === 1;
			const from = performance.now();
			const posted = await fetch(`${base}/v1/renders`, {
				method: 'POST',
				headers: {...auth, 'content-type': 'application/json'},
				body: JSON.stringify({template: 'telco-bill', format: 'landscape', bill, ...(onDemand ? {outputs: {mp4: 'on-demand', poster: 'on-demand'}} : {})}),
			});
			const render = (await posted.json()) as {links?: {self: string; watch: string}};
			if (posted.status !== 202 || !render.links) throw new Error(`POST /v1/renders answered ${posted.status}: ${JSON.stringify(render)}`);
			const watchData = local(render.links.watch).replace('/w/', '/v1/watch/');
			let speakingS = NaN;
			while (performance.now() - from < GIVE_UP_MS) {
				const data = (await (await fetch(watchData)).json()) as {narration?: {audioSrc: string}};
				const audio = data.narration && (await fetch(new URL(data.narration.audioSrc, base), {headers: {range: 'bytes=0-1'}}));
				if (audio?.status === 206) {
					speakingS = (performance.now() - from) / 1000;
					break;
				}
				await new Promise((resolve) => setTimeout(resolve, POLL_MS));
			}
			rows.push({bill: Math.floor(index / 2) + 1, outputs: onDemand ? 'on-demand' : 'render', speakingS: +speakingS.toFixed(2)});
			// The worker idle again before the next bill: its MP4 finished, when one was asked for.
			for (let status = ''; !onDemand && status !== 'completed' && status !== 'failed'; await new Promise((resolve) => setTimeout(resolve, 500))) {
				status = ((await (await fetch(local(render.links.self), {headers: auth})).json()) as {status: string}).status;
			}
		}
		return rows;
	} finally {
		await stop();
	}
};
