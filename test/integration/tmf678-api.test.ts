import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {tmf678Corpus} from '../../src/fixtures/tmf678-corpus';
import {tmf678V4Sample} from '../../src/fixtures/tmf678-v4-sample';
import {tmf678V5Sample} from '../../src/fixtures/tmf678-v5-sample';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {buildTelcoTimeline} from '../../src/templates/telco-bill/telco-timeline';
import {sectionKey} from '../../src/tmf678/tmf678-category';
import {compositorBinary} from '../../server/worker/compositor-binaries';
import {artifactPath, videoPath} from '../../server/renders/render-paths';
import {ffprobe} from '../helpers/ffprobe';
import {greyDeviation} from '../helpers/image-stats';
import {loadOpenApiValidator} from '../helpers/openapi-validator';
import {startTestStack, waitForRender, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
/** A tenant that configured neither a checkout URL template nor a brand. */
let bare: TestStack;
/** With a render worker, for the one render of this file; the other stacks only queue. */
let renderer: TestStack;
beforeAll(async () => {
	stack = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: false,
		// The tenant's own name for an invoice section.
		tenant: {sectionMap: {[sectionKey('Servizi extra')]: 'addons'}},
	});
	renderer = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: true});
	bare = await startTestStack({
		redisUrl: inject('redisUrl'),
		serveUrl: inject('serveUrl'),
		withWorker: false,
		tenant: {checkoutUrlTemplate: undefined, brand: undefined},
	});
});
afterAll(async () => {
	await Promise.all([stack?.close(), bare?.close(), renderer?.close()]);
});

const post = (on: TestStack, path: string, body: string, contentType = 'application/json') =>
	fetch(`${on.baseUrl}${path}`, {method: 'POST', headers: {'content-type': contentType, ...on.auth}, body});

const problemPaths = async (response: Response) => {
	expect(response.status).toBe(422);
	expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
	const problem = (await response.json()) as {code: string; errors: {path: string; message: string}[]};
	expect(problem.code).toBe('validation_failed');
	return problem.errors.map((error) => error.path);
};

const withAmountDue = (value: number | string) => ({
	...tmf678V5Sample,
	customerBill: {...tmf678V5Sample.customerBill, amountDue: {unit: 'EUR', value}},
});

describe('POST /v1/renders with a TMF678 bill', () => {
	it('accepts a v5 bill, keeps the mapped telco bill and shows the render', async () => {
		const response = await post(stack, '/v1/renders', JSON.stringify({template: 'telco-bill', locale: 'it-IT', tmf678: tmf678V5Sample}));
		expect(response.status).toBe(202);
		const created = (await response.json()) as {id: string; status: string; template: string; links: {self: string; watch: string}};
		expect(created).toMatchObject({status: 'queued', template: 'telco-bill'});
		expect(created.id).toMatch(new RegExp(`^${stack.tenantId}_CUST-IT-2231_2026-10-31_`));

		const shown = (await (await fetch(created.links.self, {headers: stack.auth})).json()) as {id: string; status: string};
		expect(shown).toMatchObject({id: created.id, status: 'queued'});
		const token = created.links.watch.split('/w/')[1]!;
		const watched = (await (await fetch(`${stack.baseUrl}/v1/watch/${token}`)).json()) as {bill: Record<string, unknown>};
		expect(watched.bill).toMatchObject({
			customer: {id: 'CUST-IT-2231', name: 'Marco Bianchi', locale: 'it-IT', currency: 'EUR'},
			billNumber: 'ON-2026-11-7731',
			amountDue: 7015,
			// The dev tenant's template and brand, as TMF678 has neither.
			payment: {status: 'due', payUrl: 'https://pay.example.com/checkout?bill=ON-2026-11-7731&amount=70.15'},
			brand: sampleTelcoBill.brand,
		});
	});

	it('refuses a bad money value with problem+json naming the TMF field', async () => {
		const paths = await problemPaths(await post(stack, '/v1/renders', JSON.stringify({template: 'telco-bill', tmf678: withAmountDue(70.155)})));
		expect(paths).toEqual(['tmf678.customerBill.amountDue.value']);
	});

	it('refuses a TMF field of the wrong shape, both bill and tmf678, and another template', async () => {
		const noPeriod = {...tmf678V4Sample, customerBill: {...tmf678V4Sample.customerBill, billingPeriod: {startDateTime: 'October'}}};
		expect(await problemPaths(await post(stack, '/v1/renders', JSON.stringify({template: 'telco-bill', tmf678: noPeriod})))).toEqual([
			'tmf678.customerBill.billingPeriod.startDateTime',
			'tmf678.customerBill.billingPeriod.endDateTime',
		]);
		expect(await problemPaths(await post(stack, '/v1/renders', JSON.stringify({template: 'telco-bill', tmf678: tmf678V4Sample, bill: sampleTelcoBill})))).toEqual([
			'tmf678',
		]);
		expect(await problemPaths(await post(stack, '/v1/renders', JSON.stringify({template: 'utility-bill', tmf678: tmf678V4Sample})))).toEqual(['template']);
	});

	it('needs a brand and a checkout URL template from the request or the tenant', async () => {
		const body = {template: 'telco-bill', tmf678: tmf678V4Sample};
		expect(await problemPaths(await post(bare, '/v1/renders', JSON.stringify(body)))).toEqual(['brand']);
		const response = await post(bare, '/v1/renders', JSON.stringify({...body, brand: sampleTelcoBill.brand}));
		expect(await problemPaths(response.clone())).toEqual(['tmf678']);
		expect(((await response.json()) as {detail: string}).detail).toMatch(/no checkoutUrlTemplate/);
	});
});

describe('a batch line may be a TMF678 bill', () => {
	it('queues the good TMF line and reports the bad one by line and TMF field', async () => {
		const lines = [
			{template: 'telco-bill', tmf678: tmf678V4Sample},
			{template: 'telco-bill', tmf678: withAmountDue('70,15')},
			{template: 'telco-bill', bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: 'CYCLE-2'}}},
		].map((line) => JSON.stringify(line));
		const response = await post(stack, '/v1/batches', lines.join('\n'), 'application/x-ndjson');
		expect(response.status).toBe(202);
		const batch = (await response.json()) as {accepted: number; rejected: number; failures: {line: number; errors: {path: string}[]}[]; links: {exportNdjson: string}};
		expect(batch).toMatchObject({accepted: 2, rejected: 1});
		expect(batch.failures).toEqual([{line: 2, errors: [{path: 'tmf678.customerBill.amountDue.value', message: expect.any(String)}]}]);
		const exported = await (await fetch(batch.links.exportNdjson, {headers: stack.auth})).text();
		expect(exported.trim().split('\n').map((line) => (JSON.parse(line) as {customerReference: string}).customerReference)).toEqual(['CUST-100482', 'CYCLE-2']);
	});
});

/** The corpus bill the issue was found with: v5, Subscriptions, Usage and Discounts sections, composite rate types. */
const subscriptionsBill = tmf678Corpus.find((entry) => entry.tmf.customerBill.billNo === 'INV-501')!;
const unknownSectionBill = tmf678Corpus.find((entry) => entry.tmf.customerBill.billNo === 'INV-407')!;
const partlyPaidBill = tmf678Corpus.find((entry) => entry.tmf.customerBill.billNo === 'INV-506')!;

describe('TMF678 bills as operators send them', () => {
	it('renders a v5 bill with Subscriptions, Usage and Discounts sections, its amounts in the video and transcript, never "first bill"', async () => {
		const response = await post(renderer, '/v1/renders', JSON.stringify({template: 'telco-bill', scale: 0.4, tmf678: subscriptionsBill.tmf}));
		expect(response.status).toBe(202);
		const created = (await response.json()) as {id: string; warnings?: unknown};
		expect(created.warnings).toBeUndefined();
		const done = await waitForRender(renderer, created.id);
		expect(done.status).toBe('completed');

		const transcript = readFileSync(artifactPath(renderer.rendersDir, created.id, 'transcript'), 'utf8');
		for (const line of ['€42.50', 'Your plan: €35.00', 'Add-ons and data: €12.50', 'Discounts and credits: -€5.00', 'Pay €42.50 now']) {
			expect(transcript).toContain(line);
		}
		expect(transcript).not.toMatch(/first bill|last time|Last bill/);

		// The frames a viewer sees at the breakdown and the due scene: real pictures of the scene, kept beside the video.
		const bill = (await (await fetch(`${renderer.baseUrl}/v1/watch/${(done.links as {watch: string}).watch.split('/w/')[1]}`)).json()) as {bill: never};
		const timeline = buildTelcoTimeline({bill: bill.bill, format: 'landscape'});
		const file = videoPath(renderer.rendersDir, created.id);
		expect(ffprobe(file).streams.find((stream) => stream.codec_name === 'h264')).toMatchObject({width: 512, height: 288});
		for (const scene of ['breakdown', 'due'] as const) {
			const placed = timeline.scenes.find((placed) => placed.id === scene)!;
			const seconds = (placed.from + placed.durationInFrames - 10) / timeline.fps;
			const png = join(renderer.rendersDir, `${created.id}-${scene}.png`);
			execFileSync(compositorBinary('ffmpeg'), ['-v', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-y', png]);
			// Text and bars on the brand colour, not a blank or flat frame.
			expect(greyDeviation(readFileSync(png))).toBeGreaterThan(8);
		}
	});

	it('answers with warnings naming the TMF field of a section it could not place, and the tenant sectionMap places it', async () => {
		const validate = await loadOpenApiValidator(stack.baseUrl);
		const response = await post(stack, '/v1/renders', JSON.stringify({template: 'telco-bill', tmf678: unknownSectionBill.tmf}));
		expect(response.status).toBe(202);
		const answer = await response.json();
		expect(validate('Render', answer)).toEqual([]);
		expect((answer as {warnings: unknown}).warnings).toEqual([
			{path: 'tmf678.appliedCustomerBillingRate[1].characteristic[0].value', message: expect.stringContaining('Other charges')},
		]);

		const mapped = structuredClone(unknownSectionBill.tmf);
		mapped.appliedCustomerBillingRate[1]!.characteristic = [{name: 'invoiceSection', value: 'SERVIZI_EXTRA'}];
		const placed = await post(stack, '/v1/renders', JSON.stringify({template: 'telco-bill', tmf678: mapped}));
		const body = (await placed.json()) as {warnings?: unknown; links: {watch: string}};
		expect(body.warnings).toBeUndefined();
		const watched = (await (await fetch(`${stack.baseUrl}/v1/watch/${body.links.watch.split('/w/')[1]}`)).json()) as {bill: {lineItems: unknown[]}};
		expect(watched.bill.lineItems[1]).toEqual({category: 'addons', label: 'Premium sports pass', amount: 999});
	});

	it('reports the warnings of a batch line by its number', async () => {
		const lines = [{template: 'telco-bill', tmf678: subscriptionsBill.tmf}, {template: 'telco-bill', tmf678: unknownSectionBill.tmf}];
		const response = await post(stack, '/v1/batches', lines.map((line) => JSON.stringify(line)).join('\n'), 'application/x-ndjson');
		expect(response.status).toBe(202);
		const answer = await response.json();
		expect((await loadOpenApiValidator(stack.baseUrl))('BatchAccepted', answer)).toEqual([]);
		expect(answer).toMatchObject({
			accepted: 2,
			rejected: 0,
			warnings: [{line: 2, warnings: [{path: 'tmf678.appliedCustomerBillingRate[1].characteristic[0].value', message: expect.any(String)}]}],
		});
	});

	it('a partly paid bill asks for what is left, on the watch page and in its pay link', async () => {
		const response = await post(stack, '/v1/renders', JSON.stringify({template: 'telco-bill', tmf678: partlyPaidBill.tmf}));
		const {links} = (await response.json()) as {links: {watch: string}};
		const watched = (await (await fetch(`${stack.baseUrl}/v1/watch/${links.watch.split('/w/')[1]}`)).json()) as {bill: {amountDue: number; payment: unknown}};
		expect(watched.bill).toMatchObject({
			amountDue: 6840,
			payment: {status: 'due', amountPaid: 2000, payUrl: 'https://pay.example.com/checkout?bill=INV-506&amount=48.40'},
		});
		const page = await (await fetch(links.watch)).text();
		expect(page).toContain('You have paid €20.00 of €68.40');
		expect(page).toMatch(/<a class="pay"[^>]*amount=48\.40[^>]*>Pay €48\.40 now<\/a>/);
	});
});
