import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {claimStartLock} from '../../server/dev/start-lock';
import {loadConfig, orExitOnConfigError} from '../../server/platform/config';
import {ConfigError} from '../../server/platform/errors';
import {loadTenantRegistry} from '../../server/tenants/tenant-registry';

afterEach(() => vi.restoreAllMocks());

const messageOf = (load: () => unknown): string => {
	try {
		load();
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as Error).message;
	}
	throw new Error('expected a ConfigError');
};

describe('configuration errors name the variable', () => {
	// ioredis threw a bare "TypeError: Invalid URL" from the first connection instead.
	it('REDIS_URL with a port out of range', () => {
		expect(messageOf(() => loadConfig({REDIS_URL: 'redis://127.0.0.1:99999'}))).toBe('REDIS_URL: a port must be 1 to 65535');
		expect(messageOf(() => loadConfig({REDIS_URL: 'redis://[nonsense'}))).toMatch(/REDIS_URL: is not a URL: must be one of redis:\/\/host:6379/);
	});

	// It printed "Invalid configuration:" on a line of its own, which a log collector kept apart from the variable's.
	it('several bad variables, on one line', () => {
		expect(messageOf(() => loadConfig({PORT: 'abc', BILLCAST_WORKER_CONCURRENCY: '99'}))).toMatch(/^PORT: [^\n]+; BILLCAST_WORKER_CONCURRENCY: [^\n]+$/);
		expect(messageOf(() => loadConfig({NODE_ENV: 'production', BILLCAST_WATCH_SECRET: 'x'.repeat(32)}))).toBe(
			'PUBLIC_BASE_URL: must be set in production (the address customers open watch links at)',
		);
	});

	// A raw ENOENT, naming neither the variable nor what it was for.
	it('BILLCAST_TENANTS_FILE that cannot be read', () => {
		expect(messageOf(() => loadTenantRegistry({file: '/nonexistent/tenants.json', production: true}))).toBe(
			'BILLCAST_TENANTS_FILE: cannot read /nonexistent/tenants.json (ENOENT)',
		);
	});

	it('a main prints the message alone and exits 1; any other error is thrown on', () => {
		const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
		orExitOnConfigError(() => loadConfig({PORT: 'abc'}));
		expect(exit).toHaveBeenCalledWith(1);
		expect(printed).toHaveBeenCalledTimes(1);
		expect(printed.mock.calls[0]).toEqual([expect.stringMatching(/^PORT: [^\n]+$/)]);
		expect(() => orExitOnConfigError(() => JSON.parse('{'))).toThrow(SyntaxError);
	});
});

describe('the npm start lock', () => {
	let dir: string | undefined;
	afterEach(() => dir && rmSync(dir, {recursive: true, force: true}));

	it('is held while its npm start runs, taken over once that pid is gone, and released by its holder', () => {
		dir = mkdtempSync(join(tmpdir(), 'lifecycle-lock-'));
		const first = claimStartLock(dir);
		expect(first.status).toBe('claimed');
		expect(readFileSync(join(dir, 'start.lock'), 'utf8')).toBe(String(process.pid));
		expect(claimStartLock(dir)).toEqual({status: 'held', pid: process.pid});
		if (first.status === 'claimed') first.release();
		expect(existsSync(join(dir, 'start.lock'))).toBe(false);

		const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout;
		writeFileSync(join(dir, 'start.lock'), gone);
		expect(claimStartLock(dir).status).toBe('claimed');
		expect(readFileSync(join(dir, 'start.lock'), 'utf8')).toBe(String(process.pid));
	});
});
