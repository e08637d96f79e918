import {existsSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {bundle} from '@remotion/bundler';

export const COMPOSITIONS_ENTRY = resolve(import.meta.dirname, '../../compositions/index.ts');

/** Bundles the compositions once (a few seconds); every render of the process reuses the result. */
export const bundleCompositions = async ({
	outDir,
	onProgress,
}: {
	outDir?: string;
	onProgress?: (percent: number) => void;
}): Promise<string> =>
	bundle({entryPoint: COMPOSITIONS_ENTRY, ...(outDir ? {outDir} : {}), ...(onProgress ? {onProgress} : {})});

/** A prebuilt bundle from `npm run build` when one is configured and present, else a fresh bundle. */
export const resolveServeUrl = async ({bundleDir}: {bundleDir: string | undefined}): Promise<string> => {
	if (bundleDir) {
		if (!existsSync(join(bundleDir, 'index.html'))) {
			throw new Error(`BILLCAST_BUNDLE_DIR=${bundleDir} holds no bundle (no index.html): run \`npm run build\` first`);
		}
		return resolve(bundleDir);
	}
	return bundleCompositions({});
};
