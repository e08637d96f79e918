import {summarizeBill} from '../../src/bill-summary';
import {billRequestFromTmf678} from './bill-from-tmf678';
import type {FieldError} from '../platform/errors';
import {logoUrlPolicyError} from './logo-url-policy';
import {payUrlPolicyError} from '../tenants/pay-url-policy';
import {buildRenderId} from './render-id';
import type {RenderJob} from './render-job';
import type {RenderOutputs} from './render-record';
import {parseRenderRequest} from './render-request-schema';
import type {Tenant} from '../tenants/tenant';

/**
 * `warnings` name fields of a TMF678 bill that were mapped by a guess; the render is queued all the same. `outputs` stay
 * out of the job (and of the render id): the same bill asked for with other outputs is the same video.
 */
export type PreparedRender =
	| {readonly ok: true; readonly job: RenderJob; readonly outputs: RenderOutputs; readonly warnings: FieldError[]}
	| {readonly ok: false; readonly errors: FieldError[]};

/** One render request checked as the API checks it: the schema (a TMF678 bill mapped first), then the pay URL policy. */
export const prepareRenderJob = (tenant: Tenant, body: unknown): PreparedRender => {
	const parsed = parseRenderRequest(body);
	if (!parsed.ok) return parsed;
	const resolved =
		'tmf678' in parsed.request ? billRequestFromTmf678({tenant, request: parsed.request}) : {ok: true as const, request: parsed.request, warnings: []};
	if (!resolved.ok) return resolved;
	const {outputs, ...request} = resolved.request;
	const {payUrl, payUrlPath} = summarizeBill(request);
	// A TMF678 bill's pay link was made from the tenant's checkoutUrlTemplate, which is what to fix.
	const payUrlError = payUrlPolicyError(tenant, payUrl, 'tmf678' in parsed.request ? 'tmf678' : payUrlPath);
	if (payUrlError) return {ok: false, errors: [payUrlError]};
	const logoError = logoUrlPolicyError(request.bill.brand.logoUrl, 'tmf678' in parsed.request ? 'brand.logoUrl' : 'bill.brand.logoUrl');
	if (logoError) return {ok: false, errors: [logoError]};
	return {ok: true, job: {...request, tenant: tenant.id, renderId: buildRenderId({...request, tenant: tenant.id})}, outputs, warnings: resolved.warnings};
};
