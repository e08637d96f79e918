import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import {build} from 'esbuild';

export const PLAYER_ENTRY = resolve(import.meta.dirname, '../public/src/billcast-player.tsx');
export const PLAYER_BUNDLE = resolve(import.meta.dirname, '../public/dist/billcast-player.js');

/** The stable address embedding pages use; the watch page uses the content-hashed one, cached for a year. */
export const PLAYER_SCRIPT_PATH = '/player/billcast-player.js';

/** The embeddable player as one script: React, @remotion/player and the compositions, for any page's <script> tag. */
export const buildPlayerBundle = async ({outFile = PLAYER_BUNDLE}: {outFile?: string} = {}): Promise<string> => {
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
	readonly file: string;
	/** `/player/billcast-player.<hash>.js`: a new build gets a new name, so browsers may keep the old one for good. */
	readonly hashedPath: string;
}

let pending: Promise<PlayerScript> | undefined;

/** Builds the player once per process when `npm run build` has not, so a fresh checkout serves it without a step. */
export const ensurePlayerScript = (): Promise<PlayerScript> => {
	pending ??= (async () => {
		const file = existsSync(PLAYER_BUNDLE) ? PLAYER_BUNDLE : await buildPlayerBundle();
		const hash = createHash('sha256').update(await readFile(file)).digest('hex').slice(0, 16);
		return {file, hashedPath: `/player/billcast-player.${hash}.js`};
	})();
	return pending;
};
