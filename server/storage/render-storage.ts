import type {Readable} from 'node:stream';

/** An inclusive byte range, as HTTP Range and S3 count them. */
export interface ByteRange {
	readonly start: number;
	readonly end: number;
}

export interface StoredObject {
	/** The key under the storage's root, e.g. `<renderId>/video.mp4`. */
	readonly key: string;
	readonly bytes: number;
	readonly modifiedMs: number;
}

type StoredBody = Buffer | string | Readable;

/**
 * Where render outputs live, keyed `<renderId>/<file>`: the local folder on one machine, object storage across many.
 * Workers write through it and the API reads through it, so neither needs a folder the other can see.
 */
export interface RenderStorage {
	readonly kind: 'local' | 's3';
	/** Stores a whole object; readers never see part of it. */
	put(key: string, body: StoredBody, contentType: string): Promise<void>;
	putFile(key: string, file: string, contentType: string): Promise<void>;
	stat(key: string): Promise<StoredObject | undefined>;
	exists(key: string): Promise<boolean>;
	/** The object's bytes, or only `range` of them; undefined when there is no such object. */
	read(key: string, range?: ByteRange): Promise<Readable | undefined>;
	delete(keys: readonly string[]): Promise<void>;
	/** Every object whose key starts with `prefix`; the objects of one render come one after another. */
	list(prefix: string): AsyncIterable<StoredObject>;
	/**
	 * A time-limited address that lets a client read the object without the API; undefined for a backend without
	 * addresses of its own (the local folder), whose objects the API streams.
	 */
	signedUrl(key: string, options: {expiresInSeconds: number; contentType: string}): Promise<string | undefined>;
	/** The origin signed URLs point at, for the watch page's Content-Security-Policy. */
	readonly signedUrlOrigin: string | undefined;
	/**
	 * For a main's start: throws a ConfigError naming the setting when the storage cannot be used (a bucket that does not
	 * exist or refuses these credentials, an endpoint that does not answer, a folder that cannot be written), so the
	 * process stops with one line instead of every render failing with it later.
	 */
	check(): Promise<void>;
	/** Removes what a writer killed mid-write left behind; answers how many. */
	removeStalePartials(): Promise<number>;
}
