import {mkdtemp, rm} from 'node:fs/promises';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll} from 'vitest';
import {freePort} from './free-port';

/**
 * A port something else already listens on (on 127.0.0.1), and an empty data folder, for the file's tests of a start
 * that must refuse it; both are set once `beforeAll` has run.
 */
export const useTakenPort = (): {port: number; dataDir: string} => {
	const taken = {port: 0, dataDir: ''};
	let holder: Server | undefined;
	beforeAll(async () => {
		taken.dataDir = await mkdtemp(join(tmpdir(), 'billcast-taken-port-'));
		taken.port = await freePort();
		holder = createServer();
		await new Promise<void>((done) => holder!.listen(taken.port, '127.0.0.1', done));
	});
	afterAll(async () => {
		await new Promise((done) => holder?.close(done));
		await rm(taken.dataDir, {recursive: true, force: true});
	});
	return taken;
};
