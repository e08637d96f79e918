import {summarizeBill} from '../src/bill-summary';
import type {FieldError} from './errors';
import {payUrlPolicyError} from './pay-url-policy';
import {buildRenderId} from './render-id';
import type {RenderJob} from './render-job';
import {renderRequestSchema} from './render-request-schema';
import type {Tenant} from './tenant';
import {fieldErrorsFromZod} from './zod-field-errors';

export type PreparedRender = {readonly ok: true; readonly job: RenderJob} | {readonly ok: false; readonly errors: FieldError[]};

/** One render request checked as the API checks it: the schema, then the tenant's pay URL policy. */
export const prepareRenderJob = (tenant: Tenant, body: unknown): PreparedRender => {
	const parsed = renderRequestSchema.safeParse(body);
	if (!parsed.success) return {ok: false, errors: fieldErrorsFromZod(parsed.error)};
	const request = parsed.data;
	const {payUrl, payUrlPath} = summarizeBill(request);
	const payUrlError = payUrlPolicyError(tenant, payUrl, payUrlPath);
	if (payUrlError) return {ok: false, errors: [payUrlError]};
	return {ok: true, job: {...request, tenant: tenant.id, renderId: buildRenderId({...request, tenant: tenant.id})}};
};
