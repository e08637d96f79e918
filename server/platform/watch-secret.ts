import {randomBytes} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {ConfigError} from './errors';

/**
 * The secret that signs watch links. Production must configure it: a generated one would change with every machine
 * and silently break links already sent to customers. In development one is generated once and kept in the data
 * folder, so links survive a restart without anyone having to invent a secret.
 */
export const resolveWatchSecret = ({
	configured,
	dataDir,
	production,
}: {
	configured: string | undefined;
	dataDir: string;
	production: boolean;
}): string => {
	if (configured) return configured;
	if (production) {
		throw new ConfigError('BILLCAST_WATCH_SECRET must be set in production (32 characters or more): it signs the watch links.');
	}
	const file = join(dataDir, 'watch-secret');
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	mkdirSync(dataDir, {recursive: true});
	const secret = randomBytes(32).toString('base64url');
	writeFileSync(file, secret, {mode: 0o600});
	return secret;
};
