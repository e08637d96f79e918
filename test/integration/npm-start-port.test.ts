import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, inject, it} from 'vitest';
import {startMain} from '../helpers/node-main';
import {useTakenPort} from '../helpers/taken-port';

describe('npm start on a port that is taken', () => {
	const taken = useTakenPort();

	// A second `npm start` beside a first one printed the first one's sample render and links as its own, and its worker
	// joined the queue, before its API failed to listen.
	it('stops at once, naming the port and how to choose another, and starts no API or worker', async () => {
		const {port, dataDir} = taken;
		const start = startMain({
			script: 'server/dev/start.ts',
			env: {PATH: process.env.PATH!, PORT: String(port), BILLCAST_DATA_DIR: dataDir, REDIS_URL: inject('redisUrl')},
		});
		const code = await start.exited;
		const output = start.output();
		expect(code, output).toBe(1);
		expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
		expect(output).toContain(`PORT=${port + 1} npm start`);
		expect(output).not.toMatch(/Watch page|Rendering the sample/);
		// Nor its logs folder: what it leaves in the data directory is the watch secret its configuration made.
		expect(existsSync(join(dataDir, 'logs'))).toBe(false);
	});
});
