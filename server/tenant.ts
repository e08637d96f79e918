import type {Response} from 'express';

/** A telco or utility using billcast. Renders, batches and limits all belong to one tenant. */
export interface Tenant {
	readonly id: string;
	readonly name: string;
	/** Hosts a bill's pay URL may point to (https only); a bill paying anywhere else is refused at submission. */
	readonly allowedPayHosts: readonly string[];
	/**
	 * Hosts (with port) a pay URL may reach over plain http. Only for a checkout stub on this machine in tests: a real
	 * tenant never has any, so real customers are only ever sent to https.
	 */
	readonly httpPayHostsForTesting?: readonly string[];
}

/** Until API keys exist every request acts for this tenant. */
export const DEFAULT_TENANT: Tenant = {
	id: 'default',
	name: 'Default tenant',
	allowedPayHosts: ['pay.aurora-mobile.example', 'pay.example.com'],
};

/** The tenant a request acts for, set by the tenant middleware earlier in the chain. */
export const tenantOf = (res: Response): Tenant => (res.locals.tenant as Tenant | undefined) ?? DEFAULT_TENANT;
