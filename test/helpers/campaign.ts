import {expect} from 'vitest';
import {sampleTelcoBill} from '../../src/sample-telco-bill';

export const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
export const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36';

interface Target {
	readonly baseUrl: string;
}

/**
 * A batch of `count` telco bills sent with `auth`; answers its id and, per bill, its number, render id, watch token and variant,
 * read from the batch's export (which also counts the links as exported).
 */
export const sendCampaign = async ({baseUrl}: Target, auth: Record<string, string>, prefix: string, count: number, query = '') => {
	const lines = Array.from({length: count}, (_, index) => ({
		template: 'telco-bill',
		scale: 0.25,
		bill: {...sampleTelcoBill, billNumber: `${prefix}-${index}`, customer: {...sampleTelcoBill.customer, id: `${prefix}-C${index}`}},
	}));
	const response = await fetch(`${baseUrl}/v1/batches${query}`, {method: 'POST', headers: {'content-type': 'application/json', ...auth}, body: JSON.stringify(lines)});
	const accepted = (await response.json()) as {id: string; accepted: number};
	expect(accepted.accepted).toBe(count);
	const exported = await (await fetch(`${baseUrl}/v1/batches/${accepted.id}/export.ndjson`, {headers: auth})).text();
	const rows = exported.trim().split('\n').map((line) => JSON.parse(line) as {customerReference: string; renderId: string; watchLink: string; variant?: string});
	const byCustomer = new Map(rows.map((row) => [row.customerReference, row]));
	return {
		id: accepted.id,
		bills: lines.map((line) => {
			const row = byCustomer.get(line.bill.customer.id)!;
			return {billNumber: line.bill.billNumber, renderId: row.renderId, token: row.watchLink.split('/w/')[1]!, variant: row.variant};
		}),
	};
};

/** One viewer event through the public route, as the player sends it. */
export const sendViewerEvent = async ({baseUrl}: Target, token: string, event: Record<string, string>, userAgent = DESKTOP_UA) => {
	const response = await fetch(`${baseUrl}/v1/watch/${token}/events`, {
		method: 'POST',
		headers: {'content-type': 'text/plain', 'user-agent': userAgent},
		body: JSON.stringify(event),
	});
	expect(response.status).toBe(204);
};

/** The events a player sends for a viewing that stops at `until`, each with the scene it was sent from. */
export const watchUntil = async (target: Target, token: string, until: 'start' | 'breakdown' | 'end', userAgent = DESKTOP_UA) => {
	await sendViewerEvent(target, token, {type: 'view_started', scene: 'greeting'}, userAgent);
	if (until === 'start') return;
	await sendViewerEvent(target, token, {type: 'progress_25', scene: 'total'}, userAgent);
	await sendViewerEvent(target, token, {type: 'hotspot_shown', hotspot: 'pay', scene: 'breakdown'}, userAgent);
	if (until === 'breakdown') return;
	for (const type of ['progress_50', 'progress_75']) await sendViewerEvent(target, token, {type, scene: 'due'}, userAgent);
	await sendViewerEvent(target, token, {type: 'completed', scene: 'close'}, userAgent);
};

export const paymentOf = (billNumber: string, amount: number) => ({billNumber, amount, currency: 'EUR', paidAt: new Date().toISOString(), reference: `REF-${billNumber}`});
