/**
 * `npx tsx scripts/module-path.ts`: the modules a newcomer reads to follow one bill from the HTTP request to the MP4 to
 * the pay click, leg by leg, and how many there are (the rule is in reading-path.ts).
 */
import {readingPath} from './reading-path';

const {legs, modules} = readingPath();
for (const leg of legs) {
	console.log(`${leg.name}: ${leg.chain.join(' → ')}`);
	console.log(`  + called: ${leg.called.join(', ') || '(none)'}`);
}
console.log(`modules on the chains: ${new Set(legs.flatMap((leg) => leg.chain)).size}; with what they call: ${modules}`);
