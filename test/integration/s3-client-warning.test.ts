import {spawnSync} from 'node:child_process';
import {resolve} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** What a fresh process prints to stderr when it makes billcast's S3 client, as the API and every worker do at start. */
const stderrOfMakingAClient = (env: Record<string, string> = {}) => {
	const script = `import {makeS3Client} from './server/storage/s3-storage.ts';
makeS3Client({kind: 's3', bucket: 'b', prefix: '', endpoint: 'http://127.0.0.1:9', region: 'us-east-1', forcePathStyle: true, serve: 'stream'});`;
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'));
	const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {cwd: root, encoding: 'utf8', env: {...inherited, ...env}});
	expect(run.status).toBe(0);
	return run.stderr;
};

describe('the S3 client at start', () => {
	// Eight lines outside the JSON log from every process on Node 20, about SDK versions billcast does not use.
	it.runIf(Number(process.versions.node.split('.')[0]) < 22)("prints nothing, the SDK's Node 22 notice included, unless asked for it", () => {
		expect(stderrOfMakingAClient()).toBe('');
		expect(stderrOfMakingAClient({AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false'})).toContain('NodeVersionSupportWarning');
	});
});
