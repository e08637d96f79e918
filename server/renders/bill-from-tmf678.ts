import {tmf678ToTelcoBill} from '../../src/tmf678/tmf678-to-bill';
import type {FieldError} from '../platform/errors';
import type {RenderRequest} from './render-request-schema';
import type {Tenant} from '../tenants/tenant';

type Tmf678Request = Extract<RenderRequest, {tmf678: unknown}>;
type BillRequest = Exclude<RenderRequest, Tmf678Request>;

/** `warnings` name the TMF fields mapped by a guess (a line under "Other charges"), so the telco can add a mapping. */
export type BillRequestResult =
	| {readonly ok: true; readonly request: BillRequest; readonly warnings: FieldError[]}
	| {readonly ok: false; readonly errors: FieldError[]};

/**
 * A TMF678 request as the telco bill request it stands for. TMF678 carries no brand and no pay link, so the request's
 * brand or else the tenant's applies, the tenant's checkout URL template makes the pay link, and the tenant's
 * sectionMap places its own invoice section names.
 */
export const billRequestFromTmf678 = ({tenant, request}: {tenant: Tenant; request: Tmf678Request}): BillRequestResult => {
	const brand = request.brand ?? tenant.brand;
	if (!brand) {
		return {ok: false, errors: [{path: 'brand', message: `is required: TMF678 bills carry no brand, and tenant ${tenant.id} has none configured`}]};
	}
	const mapped = tmf678ToTelcoBill({
		tmf: request.tmf678,
		locale: request.locale,
		brand,
		checkoutUrlTemplate: tenant.checkoutUrlTemplate,
		...(tenant.sectionMap ? {sectionMap: tenant.sectionMap} : {}),
	});
	if (!mapped.ok) return {ok: false, errors: [...mapped.errors]};
	return {ok: true, request: {template: 'telco-bill', bill: mapped.bill, format: request.format, scale: request.scale, outputs: request.outputs}, warnings: [...mapped.warnings]};
};
