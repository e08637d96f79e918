import {existsSync} from 'node:fs';
import {resolve} from 'node:path';
import {build} from 'esbuild';

export const PLAYER_ENTRY = resolve(import.meta.dirname, '../public/src/billcast-player.tsx');
export const PLAYER_BUNDLE = resolve(import.meta.dirname, '../public/dist/billcast-player.js');

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

let pending: Promise<string> | undefined;

/** Builds the player once per process when `npm run build` has not, so a fresh checkout serves it without a step. */
export const ensurePlayerBundle = (): Promise<string> => {
	pending ??= existsSync(PLAYER_BUNDLE) ? Promise.resolve(PLAYER_BUNDLE) : buildPlayerBundle();
	return pending;
};
