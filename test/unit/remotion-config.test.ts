import {createRequire} from 'node:module';
import {resolve} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The esbuild @remotion/bundler requires (its BundlerInternals.esbuild), without loading webpack and Rspack with it. */
const remotionEsbuild = createRequire(createRequire(import.meta.url).resolve('@remotion/bundler'))('esbuild') as typeof import('esbuild');

describe('remotion.config.ts, as `npm run studio` reads it', () => {
	// The options of @remotion/cli's prepareConfigFile (not exported): a CommonJS bundle of the config with its packages left out.
	it('bundles without a warning and without the renderer', async () => {
		const result = await remotionEsbuild.build({
			platform: 'node',
			target: 'node16',
			bundle: true,
			entryPoints: [resolve(root, 'remotion.config.ts')],
			tsconfig: resolve(root, 'tsconfig.json'),
			absWorkingDir: root,
			outfile: 'bundle.js',
			write: false,
			packages: 'external',
			logLevel: 'silent',
		});
		expect(result.warnings.map((warning) => `${warning.location?.file}: ${warning.text}`)).toEqual([]);
		expect(new TextDecoder().decode(result.outputFiles[0]!.contents)).not.toContain('@remotion/renderer');
	});
});
