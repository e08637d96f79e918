/** `npm run setup` (and before `npm test`): the Debian packages rendering and the test suite need. */
import {ensureSystemPackages, RENDER_PACKAGES, VOICE_PACKAGES} from '../server/platform/system-packages';

try {
	ensureSystemPackages({
		packages: [
			...RENDER_PACKAGES,
			...VOICE_PACKAGES,
			// The browser tests drive Debian's full Chromium; the suite starts its own redis-server unless given one.
			'chromium',
			...(process.env.BILLCAST_TEST_REDIS_URL ? [] : ['redis-server']),
		],
	});
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
