import {BillcastError} from '../platform/errors';

/** An upload that is not a bed billcast can play: not audio, silent, too short or too long. Names the body. */
export class MusicBedRejectedError extends BillcastError {
	constructor(problem: string) {
		super('music_bed_rejected', 422, 'The music bed cannot be used', `body: ${problem}`, [{path: 'body', message: problem}]);
	}
}

/** A music bed sent as something other than one of the audio types the upload reads. */
export class UnsupportedAudioTypeError extends BillcastError {
	constructor(received: string | undefined, accepted: readonly string[]) {
		super(
			'unsupported_media_type',
			415,
			'Send audio',
			`Content-Type must be one of ${accepted.join(', ')}, but was ${received ? `"${received}"` : 'missing'}.`,
		);
	}
}

/** ffmpeg or ffprobe missing, or failing in a way no upload explains. */
export class MusicBedProcessingError extends BillcastError {
	constructor(message: string) {
		super('music_bed_failed', 500, 'The music bed could not be processed', `The music bed could not be processed: ${message}`);
	}
}

/** The tenant's bed kept changing or vanishing while a worker fetched it, or its bytes do not match their digest. */
export class MusicBedUnavailableError extends BillcastError {
	constructor(tenant: string, why: string) {
		super('music_bed_unavailable', 500, 'The music bed could not be fetched', `The uploaded music bed of tenant ${tenant} could not be fetched: ${why}.`);
	}
}
