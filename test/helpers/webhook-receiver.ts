import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {verifyWebhookSignature, type WebhookSignatureCheck} from '../../server/webhooks/webhook-signature';
import type {WebhookEvent} from '../../server/webhooks/webhook-events';

interface ReceivedWebhook {
	readonly event: WebhookEvent;
	readonly body: string;
	readonly signature: WebhookSignatureCheck;
	readonly answered: number;
}

/**
 * A tenant's webhook receiver on 127.0.0.1: checks each signature as the README tells tenants to, answers 500 to the
 * first `failFirst` deliveries of every event and 204 after that, and keeps every request for the test to inspect.
 */
export const startWebhookReceiver = async ({secret, failFirst}: {secret: string; failFirst: number}) => {
	const received: ReceivedWebhook[] = [];
	const server = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks).toString('utf8');
		const signature = verifyWebhookSignature({secret, header: req.headers['billcast-signature'] as string | undefined, body});
		const event = JSON.parse(body) as WebhookEvent;
		const earlier = received.filter((r) => r.event.id === event.id).length;
		const answered = signature.status !== 'valid' ? 400 : earlier < failFirst ? 500 : 204;
		received.push({event, body, signature, answered});
		res.writeHead(answered).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/billcast`,
		received,
		/** Every request that carried this event, in the order they came. */
		deliveriesOf: (eventId: string) => received.filter((r) => r.event.id === eventId),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
};
