import {BillcastError} from '../platform/errors';

/** A valid key without the role the request needs. */
export class ForbiddenError extends BillcastError {
	constructor(detail: string) {
		super('forbidden', 403, 'This key may not do that', detail);
	}
}
