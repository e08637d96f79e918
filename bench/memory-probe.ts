/**
 * Loaded into the API by `bench/watch-load.ts` only (`--import`, with `--expose-gc` and an IPC channel): answers
 * "memory?" with `process.memoryUsage()`, after a full collection when asked, so the bench can tell V8's heap from the
 * native memory around it without the server carrying a debug route.
 */
export interface MemoryProbeRequest {
	readonly probe: 'memory';
	readonly collect: boolean;
}

process.on('message', (message: MemoryProbeRequest) => {
	if (message?.probe !== 'memory') return;
	if (message.collect) globalThis.gc?.();
	process.send?.({probe: 'memory', usage: process.memoryUsage()});
});
// The channel must not keep the API alive once the server closes.
process.channel?.unref();
