import {expect, inject, it} from 'vitest';
import {startMain} from '../helpers/node-main';
import {useTakenPort} from '../helpers/taken-port';

const taken = useTakenPort();

// `npm run api` on a taken port printed a level-60 JSON line holding the whole EADDRINUSE stack.
it('npm run api on a taken port stops with one sentence naming the port and how to choose another, exit code 1', async () => {
	const {port, dataDir} = taken;
	const api = startMain({
		script: 'server/api/api-main.ts',
		env: {PATH: process.env.PATH!, PORT: String(port), HOST: '127.0.0.1', BILLCAST_DATA_DIR: dataDir, REDIS_URL: inject('redisUrl')},
	});
	const code = await api.exited;
	expect(code, api.output()).toBe(1);
	expect(api.stderr().trim().split('\n')).toEqual([
		`Port ${port} on 127.0.0.1 is already in use. Stop what holds it, or start on another port: PORT=${port + 1} npm run api`,
	]);
	expect(api.output()).not.toMatch(/EADDRINUSE|"level":60/);
});
