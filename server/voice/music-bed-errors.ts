import {BillcastError} from '../platform/errors';

/** The tenant's bed kept changing or vanishing while a worker fetched it, or its bytes do not match their digest. */
export class MusicBedUnavailableError extends BillcastError {
	constructor(tenant: string, why: string) {
		super('music_bed_unavailable', 500, 'The music bed could not be fetched', `The uploaded music bed of tenant ${tenant} could not be fetched: ${why}.`);
	}
}
