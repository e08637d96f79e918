import {Router} from 'express';
import {z} from 'zod';
import {summarizeBill} from '../../src/bill-summary';
import type {CampaignIndex} from '../analytics/campaign-index';
import type {BatchStore} from '../batches/batch-store';
import {ValidationError, type FieldError} from '../platform/errors';
import {ownBatch} from '../batches/own-batch';
import {ownRender} from '../renders/own-render';
import type {RenderRecord} from '../renders/render-record';
import type {RenderStore} from '../renders/render-store';
import {requireJson} from '../platform/require-json';
import {tenantOf} from '../tenants/tenant';
import type {WebhookNotifier} from '../webhooks/webhook-notifier';
import {fieldErrorsFromZod} from '../platform/zod-field-errors';
import {PaymentConflictError} from './payment-errors';
import {paymentMisfits} from './payment-misfits';
import {batchPaymentEntrySchema, batchPaymentsShapeSchema, paymentInputSchema, type BatchPaymentsResult, type Payment, type PaymentInput, type PaymentResult} from './payment-schema';
import type {ConfirmResult, PaymentStore} from './payment-store';

/** Payment confirmations from the tenant: per render, or per bill number within a batch. */
export const makePaymentsRouter = ({
	store,
	batches,
	payments,
	campaigns,
	webhooks,
	onConfirmed,
}: {
	store: RenderStore;
	batches: BatchStore;
	payments: PaymentStore;
	campaigns: CampaignIndex;
	webhooks: WebhookNotifier;
	/** Called once per new payment (never for a duplicate), e.g. to count it. */
	onConfirmed: (payment: Payment, record: RenderRecord) => Promise<void>;
}): Router => {
	const router = Router();

	/**
	 * Settles the render's bill, unless the payment cannot: then the fields that keep it from doing so. Nothing to hold
	 * it against once the bill has expired.
	 */
	const confirm = async (record: RenderRecord, input: PaymentInput, path?: string): Promise<ConfirmResult | {readonly status: 'refused'; readonly errors: FieldError[]}> => {
		const props = await store.getProps(record.id);
		const period = props && 'period' in props.bill ? props.bill.period : undefined;
		const errors = props ? paymentMisfits({payment: input, bill: summarizeBill(props), period, now: new Date(), path}) : [];
		if (errors.length > 0) return {status: 'refused', errors};
		const result = await payments.confirm(record, props, input);
		if (result.status === 'confirmed') {
			await onConfirmed(result.payment, record);
			await webhooks.paymentConfirmed(record, result.payment);
		}
		return result;
	};

	router.post('/v1/renders/:id/payment', async (req, res) => {
		const record = await ownRender(store, req.params.id, res);
		const parsed = paymentInputSchema.safeParse(requireJson(req));
		if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error));
		const result = await confirm(record, parsed.data);
		if (result.status === 'refused') throw new ValidationError(result.errors);
		if (result.status === 'conflict') throw new PaymentConflictError(record.id, result.payment.reference);
		res.status(result.status === 'confirmed' ? 201 : 200).json(result satisfies PaymentResult);
	});

	router.post('/v1/batches/:id/payments', async (req, res) => {
		const batch = await ownBatch(batches, req.params.id, res);
		const parsed = batchPaymentsShapeSchema.safeParse(requireJson(req));
		if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error));
		const tenant = tenantOf(res).id;
		const results: BatchPaymentsResult['results'] = [];
		// One by one: each is a few Redis calls, and a batch holds at most a thousand.
		for (const [index, raw] of parsed.data.entries()) {
			const entry = batchPaymentEntrySchema.safeParse(raw);
			if (!entry.success) {
				const billNumber = batchPaymentEntrySchema.shape.billNumber.safeParse((raw as {billNumber?: unknown} | null)?.billNumber);
				const errors = fieldErrorsFromZod(new z.ZodError(entry.error.issues.map((issue) => ({...issue, path: [index, ...issue.path]}))));
				results.push({...(billNumber.success ? {billNumber: billNumber.data} : {}), status: 'refused' as const, errors});
				continue;
			}
			const {billNumber, ...input} = entry.data;
			// A number several bills share names none of them: settling one would be a guess.
			const reused = await batches.reusedBillNumber(batch.id, billNumber);
			if (reused) {
				const named = `${reused.renders.join(', ')}${reused.count > reused.renders.length ? ` and ${reused.count - reused.renders.length} more` : ''}`;
				const detail = `Bill number ${billNumber} is on ${reused.count} bills of batch ${batch.id} (renders ${named}); nothing was confirmed: confirm the payment with POST /v1/renders/{id}/payment.`;
				results.push({billNumber, status: 'ambiguous' as const, renders: [...reused.renders], detail});
				continue;
			}
			const renderId = await campaigns.renderOfBill(batch.id, billNumber);
			const record = renderId ? await store.get(renderId) : undefined;
			if (!record || record.tenant !== tenant) {
				results.push({billNumber, status: 'not_found' as const, detail: `Bill ${billNumber} is not in batch ${batch.id}.`});
				continue;
			}
			const result = await confirm(record, input, `[${index}].`);
			results.push(
				result.status === 'conflict'
					? {billNumber, status: 'conflict' as const, detail: new PaymentConflictError(record.id, result.payment.reference).message}
					: {billNumber, ...result},
			);
		}
		res.json({results} satisfies BatchPaymentsResult);
	});

	return router;
};
