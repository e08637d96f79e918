import {createHash} from 'node:crypto';
import {createWriteStream, existsSync} from 'node:fs';
import {mkdir, readdir, rename, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {text} from 'node:stream/consumers';
import {pipeline} from 'node:stream/promises';
import {partialFile} from '../storage/partial-files';
import type {RenderStorage} from '../storage/render-storage';
import {tenantFileKey} from '../storage/tenant-files';
import {MusicBedUnavailableError} from './music-bed-errors';
import {musicBedInUse, uploadedMusicBedSchema, type MusicBedSource, type UploadedMusicBed} from './music-bed';
import type {NarrationConfig} from './narration-config';

/** Where a worker keeps the beds it fetched, one folder a tenant, each file named by its content. */
export const MUSIC_BED_CACHE_DIR = join(tmpdir(), 'billcast-music-beds');

/**
 * Each tenant's uploaded bed in render storage, so the API that took it and every worker read the same one: the WAV
 * under a key of its content (`tenants/<tenant>/music-bed-<digest>.wav`, never rewritten) and `music-bed.json`
 * naming it. A worker that read the name always finds those bytes, or none once the bed is replaced or removed.
 */
export interface MusicBedStore {
	get(tenant: string): Promise<UploadedMusicBed | undefined>;
	/** Stores the bed and names it the tenant's; `replaced` when it took the place of an earlier upload. */
	put(tenant: string, bed: {wav: Buffer; durationMs: number}): Promise<{upload: UploadedMusicBed; replaced: boolean}>;
	/** Whether there was an upload to remove. */
	delete(tenant: string): Promise<boolean>;
	/**
	 * The bed as a file in `dir`, fetched from storage once per content whatever the number of renders; undefined when
	 * the object is gone (replaced or removed since `upload` was read).
	 */
	localCopy(tenant: string, upload: UploadedMusicBed, dir: string): Promise<string | undefined>;
	/** Removes this machine's copies of the tenant's beds from `dir`. */
	dropLocalCopies(tenant: string, dir: string): Promise<void>;
}

/**
 * Longer than any upload takes from writing its WAV to naming it. Two uploads at once each delete the bed they
 * replaced, so the one named first is left behind; a WAV no name holds after this long is such a leftover.
 */
const UNNAMED_BED_GRACE_MS = 10 * 60 * 1000;

export const makeMusicBedStore = ({storage}: {storage: RenderStorage}): MusicBedStore => {
	const pointerKey = (tenant: string) => tenantFileKey(tenant, 'music-bed.json');
	const bedsPrefix = (tenant: string) => tenantFileKey(tenant, 'music-bed-');
	/** The tenant's WAVs other than `keep` that no upload can still be naming: leftovers of uploads that raced. */
	const deleteLeftovers = async (tenant: string, keep: readonly string[]) => {
		const cutoff = Date.now() - UNNAMED_BED_GRACE_MS;
		const leftovers: string[] = [];
		for await (const object of storage.list(bedsPrefix(tenant))) {
			if (!keep.includes(object.key) && object.modifiedMs < cutoff) leftovers.push(object.key);
		}
		if (leftovers.length > 0) await storage.delete(leftovers);
	};
	const get = async (tenant: string): Promise<UploadedMusicBed | undefined> => {
		const body = await storage.read(pointerKey(tenant));
		if (!body) return undefined;
		// Storage may hold anything someone wrote there: a pointer that does not parse is an error, not "no bed".
		return uploadedMusicBedSchema.parse(JSON.parse(await text(body)));
	};
	return {
		get,
		async put(tenant, {wav, durationMs}) {
			const sha256 = createHash('sha256').update(wav).digest('hex');
			const upload: UploadedMusicBed = {
				key: tenantFileKey(tenant, `music-bed-${sha256.slice(0, 16)}.wav`),
				sha256,
				durationMs,
				bytes: wav.length,
				uploadedAt: new Date().toISOString(),
			};
			await storage.put(upload.key, wav, 'audio/wav');
			const previous = await get(tenant);
			await storage.put(pointerKey(tenant), JSON.stringify(upload), 'application/json');
			// The same bed sent again has the same key, which must stay.
			if (previous && previous.key !== upload.key) await storage.delete([previous.key]);
			await deleteLeftovers(tenant, [upload.key]);
			return {upload, replaced: previous !== undefined};
		},
		async delete(tenant) {
			const previous = await get(tenant);
			if (!previous) return false;
			await storage.delete([pointerKey(tenant), previous.key]);
			await deleteLeftovers(tenant, []);
			return true;
		},
		async dropLocalCopies(tenant, dir) {
			await rm(join(dir, tenant), {recursive: true, force: true});
		},
		async localCopy(tenant, upload, dir) {
			const folder = join(dir, tenant);
			const file = join(folder, `${upload.sha256}.wav`);
			if (existsSync(file)) return file;
			const body = await storage.read(upload.key);
			if (!body) return undefined;
			await mkdir(folder, {recursive: true});
			const partial = partialFile(folder, '.wav');
			const hash = createHash('sha256');
			try {
				await pipeline(
					body,
					async function* (chunks: AsyncIterable<Buffer>) {
						for await (const chunk of chunks) {
							hash.update(chunk);
							yield chunk;
						}
					},
					createWriteStream(partial),
				);
				// The name promises the content to every later render on this machine.
				if (hash.digest('hex') !== upload.sha256) throw new MusicBedUnavailableError(tenant, `${upload.key} does not hold the bytes its digest names`);
				await rename(partial, file);
			} finally {
				await rm(partial, {force: true});
			}
			// The tenant's earlier beds are never asked for again; another fetch's partial file is left to finish.
			for (const name of await readdir(folder)) {
				if (name !== basename(file) && !name.startsWith('.')) await rm(join(folder, name), {force: true});
			}
			return file;
		},
	};
};

/** Enough for a bed replaced twice while one worker fetched it. */
const FETCH_ATTEMPTS = 3;

/**
 * The bed a tenant's narration is mixed over now (see musicBedInUse), its upload copied to this machine. A bed
 * replaced or removed between reading its name and fetching it is looked up again, so the newest choice plays.
 */
export const musicBedSource = async ({
	config,
	tenant,
	beds,
	cacheDir = MUSIC_BED_CACHE_DIR,
}: {
	config: NarrationConfig | undefined;
	tenant: string;
	beds: MusicBedStore;
	cacheDir?: string;
}): Promise<MusicBedSource> => {
	for (let attempt = 0; attempt < FETCH_ATTEMPTS; attempt += 1) {
		const upload = await beds.get(tenant);
		// A removed bed is never asked for again, so its copy goes from this machine too (a replaced one goes in localCopy).
		if (!upload) await beds.dropLocalCopies(tenant, cacheDir);
		const inUse = musicBedInUse(config, upload);
		if (inUse.status !== 'uploaded') return {status: inUse.status};
		const file = await beds.localCopy(tenant, inUse.upload, cacheDir);
		if (file) return {status: 'uploaded', file};
	}
	throw new MusicBedUnavailableError(tenant, `it changed ${FETCH_ATTEMPTS} times while it was being fetched`);
};
