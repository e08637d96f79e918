/** Counts work under way, so a stopping worker can tell when its last render or poster has ended. */
export const makeBusyCount = () => {
	let busy = 0;
	const waiting: (() => void)[] = [];
	return {
		async during<T>(work: () => Promise<T>): Promise<T> {
			busy++;
			try {
				return await work();
			} finally {
				if (--busy === 0) for (const resolve of waiting.splice(0)) resolve();
			}
		},
		/** Resolves once nothing is under way (at once when nothing is). */
		idle: (): Promise<void> => (busy === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
	};
};
