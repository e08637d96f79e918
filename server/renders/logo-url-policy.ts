import type {FieldError} from '../platform/errors';
import {outboundUrlProblem} from '../platform/outbound-guard';

/**
 * At submit time, without DNS: a logo URL naming a loopback, private or metadata address is refused at once. The
 * worker checks again, resolved, when it fetches the logo (worker/logo-inline).
 */
export const logoUrlPolicyError = (logoUrl: string | undefined, path: string): FieldError | undefined => {
	if (!logoUrl?.startsWith('https://')) return undefined;
	const problem = outboundUrlProblem(logoUrl, {allowLoopback: false});
	return problem ? {path, message: problem} : undefined;
};
