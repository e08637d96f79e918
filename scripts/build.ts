/**
 * `npm run build`: everything billcast serves or renders from, built once into one output folder (`build/`, or
 * `--out DIR`), never into the sources: the player (`player/billcast-player.js`, served by the API) and the
 * compositions bundle (`bundle/`, loaded by workers). The Dockerfile runs exactly this at image build time, and
 * `test/integration/build-script.test.ts` runs it too, so the image's build step is tested where no image can be built.
 */
import {join, resolve} from 'node:path';
import {parseArgs} from 'node:util';
import {BUILD_DIR, buildPlayerBundle, playerBundleIn} from '../server/watch/player-bundle';
import {bundleCompositions} from '../server/worker/bundle';

const {values} = parseArgs({options: {out: {type: 'string'}}});
const buildDir = values.out ? resolve(values.out) : BUILD_DIR;

console.log(`Player written to ${await buildPlayerBundle({outFile: playerBundleIn(buildDir)})}`);
const outDir = join(buildDir, 'bundle');
let last = -1;
await bundleCompositions({
	outDir,
	onProgress: (percent) => {
		if (percent >= last + 25) {
			last = percent;
			console.log(`bundling ${percent}%`);
		}
	},
});
console.log(`Bundle written to ${outDir}`);
