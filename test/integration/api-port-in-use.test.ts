import {spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, expect, inject, it} from 'vitest';
import {freePort} from '../helpers/free-port';

const root = resolve(import.meta.dirname, '../..');
let dataDir: string;
let holder: Server;
let port: number;
beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'billcast-api-port-'));
	port = await freePort();
	holder = createServer();
	await new Promise<void>((done) => holder.listen(port, '127.0.0.1', done));
});
afterAll(async () => {
	await new Promise((done) => holder.close(done));
	await rm(dataDir, {recursive: true, force: true});
});

// `npm run api` on a taken port printed a level-60 JSON line holding the whole EADDRINUSE stack.
it('npm run api on a taken port stops with one sentence naming the port and how to choose another, exit code 1', async () => {
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
