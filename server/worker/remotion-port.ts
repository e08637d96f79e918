import {createServer, type AddressInfo} from 'node:net';

/**
 * Remotion serves each call's bundle, and its media proxy even for an http serveUrl, from an HTTP server of its own; left
 * to choose, it takes the first free port from 3000, the API's default, so an API (re)started beside a rendering worker
 * was refused its port. Every Remotion call of the worker and scripts runs through `withRemotionPort` instead.
 */

/** Remotion's refusal of the port it was given, when something else took it after it was chosen. */
const PORT_TAKEN = /^You specified port \d+ to be used for the HTTP server, but it is not available|^No available ports found/;

/** Each attempt asks the OS for a new port; a second clash in a row is already unlikely. */
const ATTEMPTS = 5;

/**
 * A port the OS has just handed out from its ephemeral range, where no service is configured. Asked on every interface
 * (`::`, which covers IPv4 too), as Remotion binds its server.
 */
const ephemeralPort = (): Promise<number> =>
	new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, () => {
			const {port} = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});

/**
 * Runs a Remotion call with the `port` it is handed, an ephemeral one. Between choosing the port and Remotion binding it,
 * another process may take it: Remotion then refuses before it draws anything, and the call runs again on a new port.
 * Any other error is the call's own and passes unchanged.
 */
export const withRemotionPort = async <T>(call: (port: number) => Promise<T>): Promise<T> => {
	for (let attempt = 1; ; attempt++) {
		try {
			return await call(await ephemeralPort());
		} catch (error) {
			if (attempt >= ATTEMPTS || !(error instanceof Error && PORT_TAKEN.test(error.message))) throw error;
		}
	}
};
