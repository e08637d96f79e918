import {BillcastError} from '../platform/errors';

/** A second, different payment for a bill already paid: a refund or a correction is a matter for the tenant's books. */
export class PaymentConflictError extends BillcastError {
	constructor(renderId: string, reference: string) {
		super(
			'payment_conflict',
			409,
			'The bill is already paid',
			`The bill of render ${renderId} already has a confirmed payment with reference ${reference}; one bill takes one payment.`,
		);
	}
}
