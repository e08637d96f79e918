import {createHash} from 'node:crypto';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {promisify} from 'node:util';
import {brotliCompress, constants, gzip} from 'node:zlib';
import {ConfigError} from '../platform/errors';

const PLAYER_ENTRY = resolve(import.meta.dirname, '../../public/src/billcast-player.tsx');
/** `npm run build`'s output folder, never the sources: an image's source tree may be read-only, and is shared by none. */
export const BUILD_DIR = resolve(import.meta.dirname, '../../build');
export const playerBundleIn = (buildDir: string): string => join(buildDir, 'player/billcast-player.js');
export const PLAYER_BUNDLE = playerBundleIn(BUILD_DIR);

/** The stable address embedding pages use; the watch page uses the content-hashed one, cached for a year. */
export const PLAYER_SCRIPT_PATH = '/player/billcast-player.js';

/** The embeddable player as one script: React, @remotion/player and the compositions, for any page's <script> tag. */
export const buildPlayerBundle = async ({outFile = PLAYER_BUNDLE}: {outFile?: string} = {}): Promise<string> => {
	// Loaded only to build: esbuild is a development dependency, absent from a production image's node_modules.
	const {build} = await import('esbuild');
	await build({
		entryPoints: [PLAYER_ENTRY],
		outfile: outFile,
		bundle: true,
		format: 'iife',
		platform: 'browser',
		target: 'es2020',
		minify: true,
		jsx: 'automatic',
		legalComments: 'none',
		define: {'process.env.NODE_ENV': '"production"'},
		logLevel: 'warning',
	});
	return outFile;
};

export interface PlayerScript {
	/** `/player/billcast-player.<hash>.js`: a new build gets a new name, so browsers may keep the old one for good. */
	readonly hashedPath: string;
	readonly etag: string;
	/** The script as written and compressed once, by content encoding. */
	readonly bodies: {readonly identity: Buffer; readonly br: Buffer; readonly gzip: Buffer};
}

let pending: Promise<PlayerScript> | undefined;

const loadPlayerScript = async (file: string): Promise<PlayerScript> => {
	const identity = await readFile(file);
	const hash = createHash('sha256').update(identity).digest('hex').slice(0, 16);
	const [br, gz] = await Promise.all([
		promisify(brotliCompress)(identity, {params: {[constants.BROTLI_PARAM_QUALITY]: 9}}),
		promisify(gzip)(identity, {level: 9}),
	]);
	return {hashedPath: `/player/billcast-player.${hash}.js`, etag: `"${hash}"`, bodies: {identity, br, gzip: gz}};
};

/** Where the player's sources live: the player itself, the shared domain and the compositions it draws live. */
const PLAYER_SOURCES = ['../../public/src', '../../src', '../../compositions'].map((dir) => resolve(import.meta.dirname, dir));

const newestSourceMs = (): number =>
	Math.max(
		...PLAYER_SOURCES.flatMap((dir) =>
			readdirSync(dir, {recursive: true, withFileTypes: true})
				.filter((entry) => entry.isFile())
				.map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
		),
	);

/** A bundle from `npm run build` is used while it is newer than every source, so a pulled change is never served stale. */
const isCurrent = (bundle: string): boolean => existsSync(bundle) && statSync(bundle).mtimeMs >= newestSourceMs();

/**
 * Production serves the player `npm run build` made, as it is: every replica then serves the same hashed script, and
 * nothing is built at run time. Without one the API stops at start rather than building it inside a container.
 */
export const requireBuiltPlayer = (file: string = PLAYER_BUNDLE): void => {
	if (!existsSync(file)) {
		throw new ConfigError(`No player bundle at ${file}: in production the API serves only what \`npm run build\` made (the image's build step); run it first.`);
	}
	pending = loadPlayerScript(file);
};

/**
 * In development, builds the player once per process into the build folder when `npm run build` has not (or its
 * sources changed since), so a fresh checkout serves it without a step, and compresses it once: compressing its
 * megabyte for each request (as a compression middleware does) served not one script in 10 s to 200 viewers arriving
 * at once (`bench/watch-load.ts`).
 */
export const ensurePlayerScript = (): Promise<PlayerScript> => {
	pending ??= (async () => loadPlayerScript(isCurrent(PLAYER_BUNDLE) ? PLAYER_BUNDLE : await buildPlayerBundle()))();
	return pending;
};
