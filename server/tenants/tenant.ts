import type {Response} from 'express';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import type {SectionMap} from '../../src/tmf678/tmf678-category';
import type {NarrationConfig} from '../voice/narration-config';

/** Where billcast posts a tenant's events, each signed with `secret` (see webhook-signature.ts). */
export interface TenantWebhook {
	readonly url: string;
	readonly secret: string;
}

/** A telco or utility using billcast. Renders, batches and limits all belong to one tenant. */
export interface Tenant {
	readonly id: string;
	readonly name: string;
	/** SHA-256 hex digests of the tenant's API keys; the keys themselves are never stored. These keys may do anything. */
	readonly apiKeySha256: readonly string[];
	/** Digests of keys limited to one role: `submit` (renders, batches, payments; no dashboard) or `read` (GETs and the dashboard). */
	readonly roleKeys?: readonly {readonly sha256: string; readonly role: KeyRole}[];
	/** Hosts a bill's pay URL may point to (https only); a bill paying anywhere else is refused at submission. */
	readonly allowedPayHosts: readonly string[];
	/**
	 * Hosts (with port) a pay URL may reach over plain http. Only for a checkout stub on this machine in tests: a real
	 * tenant never has any, so real customers are only ever sent to https.
	 */
	readonly httpPayHostsForTesting?: readonly string[];
	/** Requests per minute over all of the tenant's keys. */
	readonly rateLimitPerMinute: number;
	/**
	 * Where a bill that carries no pay link (TMF678 input) sends the customer to pay, with `{billNo}`, `{amount}`,
	 * `{currency}` and `{customerId}` filled in. Must pass the pay URL policy above.
	 */
	readonly checkoutUrlTemplate?: string;
	/** The brand of videos made from bills that carry none (TMF678 input) when the request names none. */
	readonly brand?: TelcoBill['brand'];
	/**
	 * The tenant's own TMF678 invoice section names (or rate types) and the line category each means, for names
	 * billcast's words do not place; keys are compared by their words, so case, spaces and plurals do not matter.
	 */
	readonly sectionMap?: SectionMap;
	/** Without one, no events are queued for the tenant. */
	readonly webhook?: TenantWebhook;
	/** Whether videos speak, in which engine and voice per locale, over which music bed; absent means silent videos. */
	readonly narration?: NarrationConfig;
}

type KeyRole = 'submit' | 'read';
/** What the request's key may do: `full` for the tenant's unrestricted keys. */
export type KeyAccess = KeyRole | 'full';

/** The tenant a request acts for; set by authentication, which runs before every route that calls this. */
export const tenantOf = (res: Response): Tenant => {
	const tenant = res.locals.tenant as Tenant | undefined;
	if (!tenant) throw new Error('tenantOf called on a route that is not behind authentication');
	return tenant;
};
