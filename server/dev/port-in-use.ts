import {createServer} from 'node:net';

/** Whether something already listens where the API would: an `npm start` still serving, or any other program. */
export const portInUse = ({host, port}: {host: string; port: number}): Promise<boolean> =>
	new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(true) : reject(error)));
		probe.listen(port, host, () => probe.close(() => resolve(false)));
	});
