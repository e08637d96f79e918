import {idParam, json, jsonSchema, notFoundError, problem, type OpenApiPaths, type OpenApiSchemas} from '../platform/openapi-parts';
import {batchPaymentsInputSchema, batchPaymentsResultSchema, MAX_BATCH_PAYMENTS, paymentInputSchema, paymentResultSchema} from './payment-schema';

export const paymentsSchemas: OpenApiSchemas = {
	PaymentInput: jsonSchema(paymentInputSchema, 'input'),
	PaymentResult: jsonSchema(paymentResultSchema),
	BatchPaymentsInput: jsonSchema(batchPaymentsInputSchema, 'input'),
	BatchPaymentsResult: jsonSchema(batchPaymentsResultSchema),
};

export const paymentsPaths: OpenApiPaths = {
	'/v1/renders/{id}/payment': {
		post: {
			summary: 'Confirm the bill paid; the same reference again is the same payment. The watch page and player then show it paid, and payment.confirmed is sent',
			parameters: [idParam('id')],
			requestBody: {required: true, content: json('PaymentInput')},
			responses: {
				'201': {description: 'Confirmed', content: json('PaymentResult')},
				'200': {description: 'This reference was already confirmed; nothing changed', content: json('PaymentResult')},
				'409': problem('The bill already has a payment with another reference'),
				'422': problem('An invalid field, named in errors; or a payment that cannot settle the bill: another currency, less than it asks for, or paidAt in the future or before the bill'),
				...notFoundError,
			},
		},
	},
	'/v1/batches/{id}/payments': {
		post: {
			summary: `Confirm up to ${MAX_BATCH_PAYMENTS} payments by the bill number they were sent with in this batch`,
			parameters: [idParam('id')],
			requestBody: {required: true, content: json('BatchPaymentsInput')},
			responses: {
				'200': {
					description: 'One result per payment, in order: confirmed, duplicate, not_found, conflict, ambiguous (a bill number several bills of the batch share: nothing is confirmed) or refused (an invalid entry too; errors name the field, e.g. [2].amount)',
					content: json('BatchPaymentsResult'),
				},
				'422': problem(`The body is not an array of 1 to ${MAX_BATCH_PAYMENTS} payments`),
				...notFoundError,
			},
		},
	},
};
