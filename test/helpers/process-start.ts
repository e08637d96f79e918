/**
 * How long a unit test may wait for a billcast process it starts (node compiling the worker's or the S3 SDK's imports
 * with tsx): about 3 s on an idle machine, past vitest's 5 s default while other tests share the two cores.
 */
export const PROCESS_START_MS = 60_000;
