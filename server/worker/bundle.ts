import {existsSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {ConfigError} from '../platform/errors';

const COMPOSITIONS_ENTRY = resolve(import.meta.dirname, '../../compositions/index.ts');

/** Where `npm run build` writes the compositions bundle; production workers load it from here unless told otherwise. */
const DEFAULT_BUNDLE_DIR = resolve(import.meta.dirname, '../../build/bundle');

/**
 * Bundles the compositions once (a few seconds); every render of the process reuses the result. The bundler (webpack)
 * is loaded only here, so a production worker on a prebuilt bundle and the unit tests never load it.
 */
export const bundleCompositions = async ({
	outDir,
	onProgress,
}: {
	outDir?: string;
	onProgress?: (percent: number) => void;
}): Promise<string> => {
	const {bundle} = await import('@remotion/bundler');
	return bundle({entryPoint: COMPOSITIONS_ENTRY, ...(outDir ? {outDir} : {}), ...(onProgress ? {onProgress} : {})});
};

/**
 * The prebuilt bundle from `npm run build` when one is configured, and always in production (every worker of a fleet
 * then renders the same build, and none spends its start bundling); in development a fresh bundle in a temporary folder,
 * the worker's own tmp (`useProcessTmpDir`), so it goes when the worker stops or, killed, at the next worker's start.
 */
export const resolveServeUrl = async ({bundleDir, production}: {bundleDir: string | undefined; production: boolean}): Promise<string> => {
	const prebuilt = bundleDir ?? (production ? DEFAULT_BUNDLE_DIR : undefined);
	if (!prebuilt) return bundleCompositions({});
	if (!existsSync(join(prebuilt, 'index.html'))) {
		throw new ConfigError(`BILLCAST_BUNDLE_DIR=${prebuilt} holds no bundle (no index.html): run \`npm run build\` first (the image's build step)`);
	}
	return resolve(prebuilt);
};
