/** `npm run build`: the compositions bundle that workers load with BILLCAST_BUNDLE_DIR=build/bundle, and the player. */
import {resolve} from 'node:path';
import {bundleCompositions} from '../server/worker/bundle';
import {buildPlayerBundle} from '../server/watch/player-bundle';

console.log(`Player written to ${await buildPlayerBundle()}`);
const outDir = resolve(import.meta.dirname, '../build/bundle');
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
