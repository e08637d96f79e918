import type {Logger} from './logger';

/**
 * Runs a main's `shutdown` at its first SIGTERM or SIGINT (a deploy, a process manager, Ctrl-C); a later signal of the
 * other kind finds the stop under way. A stop that throws is logged and exits 1, so it never hangs on its own error.
 */
export const stopOnSignals = ({shutdown, logger}: {shutdown: (signal: string) => Promise<void>; logger: Logger}): void => {
	const stop = (signal: string) =>
		void shutdown(signal).catch((error: unknown) => {
			logger.fatal({err: error, signal}, 'could not stop cleanly');
			process.exit(1);
		});
	process.once('SIGTERM', () => stop('SIGTERM'));
	process.once('SIGINT', () => stop('SIGINT'));
};
