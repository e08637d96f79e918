import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {tmf678V4Sample} from '../../src/fixtures/tmf678-v4-sample';
import {tmf678V5Sample} from '../../src/fixtures/tmf678-v5-sample';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {launchChromium} from '../helpers/browser';
import {loadOpenApiValidator} from '../helpers/openapi-validator';
import {startTestStack, type TestStack} from '../helpers/test-stack';

let stack: TestStack;
let validate: (name: string, body: unknown) => string[];
beforeAll(async () => {
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false});
	validate = await loadOpenApiValidator(stack.baseUrl);
});
afterAll(async () => {
	await stack?.close();
});

const send = (path: string, body: unknown, headers: Record<string, string> = stack.auth) =>
	fetch(`${stack.baseUrl}${path}`, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify(body)});

describe('the OpenAPI document describes what the API answers', () => {
	it('is OpenAPI 3.1 with every route and a browsable page', async () => {
		const document = (await (await fetch(`${stack.baseUrl}/openapi.json`)).json()) as {
			openapi: string;
			paths: Record<string, unknown>;
			webhooks: Record<string, unknown>;
		};
		expect(document.openapi).toBe('3.1.0');
		expect(Object.keys(document.paths)).toEqual(
			expect.arrayContaining(['/v1/renders', '/v1/renders/{id}', '/v1/batches', '/v1/batches/{id}', '/v1/webhooks/deliveries', '/readyz']),
		);
		expect(Object.keys(document.webhooks)).toEqual(expect.arrayContaining(['render.completed', 'render.failed', 'batch.completed', 'payment.clicked']));
		const docs = await fetch(`${stack.baseUrl}/docs`);
		expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
		const page = await docs.text();
		expect(page).toContain('<code>POST /<wbr>v1/<wbr>batches</code>');
		// Descriptions are CommonMark: their code spans read as code, and no backtick shows.
		expect(page).toContain('with a stable <code>code</code>.');
		expect(page).toContain('the column mapping <code>mapping</code> names');
		expect(page.replace(/<pre>[^]*?<\/pre>/g, '')).not.toContain('`');
	});

	it("opens from the server's address and fits a phone: the longest path breaks at a slash, not off the screen", async () => {
		const browser = await launchChromium();
		try {
			const page = await browser.newPage({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
			await page.goto(stack.baseUrl);
			expect(new URL(page.url()).pathname).toBe('/docs');
			const heading = page.getByRole('heading', {name: 'GET /v1/watch/{token}/formats/{format}/{file}'});
			expect((await heading.boundingBox())!.height).toBeGreaterThan(40);
			// A phone lays out a page wider than its screen and zooms out, so the window's width shows the overflow.
			expect(await page.evaluate(() => [window.innerWidth, document.documentElement.scrollWidth])).toEqual([390, 390]);
		} finally {
			await browser.close();
		}
	});

	it('accepts the sample request and rejects a broken one', () => {
		expect(validate('RenderRequest', {template: 'telco-bill', bill: sampleTelcoBill})).toEqual([]);
		expect(validate('RenderRequest', {template: 'telco-bill', bill: {...sampleTelcoBill, amountDue: '68.40'}})).not.toEqual([]);
	});

	it('accepts TMF678 v4 and v5 requests and rejects one without its customer bill', () => {
		expect(validate('RenderRequest', {template: 'telco-bill', tmf678: tmf678V4Sample})).toEqual([]);
		expect(validate('RenderRequest', {template: 'telco-bill', locale: 'it-IT', tmf678: tmf678V5Sample})).toEqual([]);
		expect(validate('RenderRequest', {template: 'telco-bill', tmf678: {appliedCustomerBillingRate: []}})).not.toEqual([]);
	});

	it('matches real renders, batches and problems', async () => {
		const render = await send('/v1/renders', {template: 'telco-bill', scale: 0.25, bill: sampleTelcoBill});
		const created = (await render.json()) as {id: string};
		expect(validate('Render', created)).toEqual([]);
		expect(validate('Render', await (await send('/v1/renders', {template: 'telco-bill', tmf678: tmf678V4Sample})).json())).toEqual([]);
		expect(validate('Render', await (await fetch(`${stack.baseUrl}/v1/renders/${created.id}`, {headers: stack.auth})).json())).toEqual([]);

		const batch = await send('/v1/batches', [{template: 'telco-bill', bill: sampleTelcoBill}, {template: 'telco-bill'}]);
		const accepted = (await batch.json()) as {id: string};
		expect(validate('BatchAccepted', accepted)).toEqual([]);
		expect(validate('Batch', await (await fetch(`${stack.baseUrl}/v1/batches/${accepted.id}`, {headers: stack.auth})).json())).toEqual([]);
		expect(validate('WebhookDeliveryList', await (await fetch(`${stack.baseUrl}/v1/webhooks/deliveries`, {headers: stack.auth})).json())).toEqual([]);

		for (const response of [
			await send('/v1/renders', {template: 'telco-bill', bill: {}}),
			await send('/v1/renders', {template: 'telco-bill', tmf678: {}}),
			await send('/v1/renders', {template: 'telco-bill', bill: sampleTelcoBill}, {}),
			await fetch(`${stack.baseUrl}/v1/renders/none`, {headers: stack.auth}),
			await fetch(`${stack.baseUrl}/v1/webhooks/deliveries?limit=0`, {headers: stack.auth}),
		]) {
			expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			expect(validate('Problem', await response.json())).toEqual([]);
		}
	});
});
