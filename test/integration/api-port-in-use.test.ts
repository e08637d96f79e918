import {spawn} from 'node:child_process';
import {resolve} from 'node:path';
import {expect, inject, it} from 'vitest';
import {useTakenPort} from '../helpers/taken-port';

const root = resolve(import.meta.dirname, '../..');
const taken = useTakenPort();

// `npm run api` on a taken port printed a level-60 JSON line holding the whole EADDRINUSE stack.
it('npm run api on a taken port stops with one sentence naming the port and how to choose another, exit code 1', async () => {
	const {port, dataDir} = taken;
	const api = spawn(process.execPath, ['--import', 'tsx', 'server/api/api-main.ts'], {
		cwd: root,
		env: {PATH: process.env.PATH!, PORT: String(port), HOST: '127.0.0.1', BILLCAST_DATA_DIR: dataDir, REDIS_URL: inject('redisUrl')},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	api.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	api.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((done) => api.once('exit', done));
	expect(code, stdout + stderr).toBe(1);
	expect(stderr.trim().split('\n')).toEqual([
		`Port ${port} on 127.0.0.1 is already in use. Stop what holds it, or start on another port: PORT=${port + 1} npm run api`,
	]);
	expect(stdout).not.toMatch(/EADDRINUSE|"level":60/);
});
