import {createHash} from 'node:crypto';
import {brotliCompressSync, brotliDecompressSync, constants, deflateRawSync, inflateRawSync} from 'node:zlib';

/** First byte of a packed value. A value starting with `{` is plain JSON: written before packing, or when packing did not pay. */
const BROTLI = 1;
const AGAINST_DICTIONARY = 2;
const DICTIONARY_ID_BYTES = 8;

/** A bill the others of its chunk are deflated against: its id is a digest of its bytes, so it never changes meaning. */
export interface PropsDictionary {
	readonly id: Buffer;
	readonly bytes: Buffer;
}

export class PropsDictionaryMissingError extends Error {
	constructor(id: Buffer) {
		super(`the dictionary ${id.toString('hex')} these render props were packed against is gone`);
		this.name = 'PropsDictionaryMissingError';
	}
}

export const propsDictionary = (json: string): PropsDictionary => {
	const bytes = Buffer.from(json);
	return {id: createHash('sha256').update(bytes).digest().subarray(0, DICTIONARY_ID_BYTES), bytes};
};

/**
 * The bills of one billing cycle differ in a few fields (customer, amounts, line items) and share the rest (the shape,
 * the brand, its logo), so each is deflated against one of them: the shared part is stored once, in the dictionary, and
 * each bill costs only its differences (about 60 bytes for the sample bill instead of 1,840). A bill on its own is
 * brotli-compressed. Either way it is kept as it came when packing would not make it smaller.
 */
export const packProps = (json: string, dictionary?: PropsDictionary): Buffer => {
	const raw = Buffer.from(json);
	const packed = dictionary
		? Buffer.concat([Buffer.of(AGAINST_DICTIONARY), dictionary.id, deflateRawSync(raw, {dictionary: dictionary.bytes})])
		: Buffer.concat([Buffer.of(BROTLI), brotliCompressSync(raw, {params: {[constants.BROTLI_PARAM_SIZE_HINT]: raw.length}})]);
	return packed.length < raw.length ? packed : raw;
};

/** The JSON back; `dictionaryOf` fetches the dictionary a value names, by its id. */
export const unpackProps = async (value: Buffer, dictionaryOf: (id: Buffer) => Promise<Buffer | undefined>): Promise<string> => {
	switch (value[0]) {
		case BROTLI:
			return brotliDecompressSync(value.subarray(1)).toString();
		case AGAINST_DICTIONARY: {
			const id = value.subarray(1, 1 + DICTIONARY_ID_BYTES);
			const dictionary = await dictionaryOf(id);
			if (!dictionary) throw new PropsDictionaryMissingError(id);
			return inflateRawSync(value.subarray(1 + DICTIONARY_ID_BYTES), {dictionary}).toString();
		}
		default:
			return value.toString();
	}
};
