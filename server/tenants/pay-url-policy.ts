import type {FieldError} from '../platform/errors';
import type {Tenant} from './tenant';

/** A customer may only be sent to pay over https on a host the tenant named; otherwise the bill is refused. */
export const payUrlPolicyError = (tenant: Tenant, payUrl: string | undefined, path = 'bill.payment.payUrl'): FieldError | undefined => {
	if (!payUrl) return undefined;
	const url = new URL(payUrl);
	if (url.protocol === 'http:' && tenant.httpPayHostsForTesting?.includes(url.host)) return undefined;
	if (url.protocol !== 'https:') return {path, message: 'must be an https URL: customers are only sent to pay over https'};
	if (!tenant.allowedPayHosts.includes(url.hostname)) {
		return {
			path,
			message: `must point to one of the tenant's allowed pay hosts (${tenant.allowedPayHosts.join(', ')}), not ${url.hostname}`,
		};
	}
	return undefined;
};
