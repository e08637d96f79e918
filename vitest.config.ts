import {availableParallelism} from 'node:os';
import {defineConfig, type TestProjectInlineConfiguration} from 'vitest/config';
import type {Reporter} from 'vitest/reporters';

/** Integration, render and browser tests: a real Redis, s3rver and the bundles, started once however many projects run. */
const withStack = {
	globalSetup: ['test/global-setup-once.ts'],
	// Render tests share two cores; running files one after another keeps each render's timing sane. Files of different
	// projects never overlap either: the fork pool runs one project's single fork after the other's.
	pool: 'forks',
	poolOptions: {forks: {singleFork: true}},
	testTimeout: 180_000,
	hookTimeout: 180_000,
} satisfies TestProjectInlineConfiguration['test'];

const unitThreads = Math.max(2, availableParallelism() - 1);

/**
 * The unit threads wait on the main thread, which transforms a module when a thread imports it and a module's imports
 * only once it has run: a chain of round trips, in which the threads idled about a third of the run (CPU profile). The
 * files of the run are known before the threads start, so their transforms start then, and only theirs: one file run
 * alone transforms no other.
 */
const transformUnitFilesEarly: Reporter = {
	onTestRunStart(specifications) {
		for (const {project, moduleId} of specifications)
			if (project.name === 'unit') void project.vite.environments.ssr.warmupRequest(moduleId);
	},
};

export default defineConfig({
	test: {
		reporters: ['default', transformUnitFilesEarly],
		// The pool is shared by the projects and takes its options from here, not from a project: without `isolate` every
		// unit file got a fresh thread (47 threads a run), and the project's `isolate: false` below saved nothing. Vitest's
		// default of one thread per core but one leaves a 2-core machine a single thread, idle about a third of the run
		// while the main thread transforms the modules it imports; a second thread fills those waits (unit project 8.2-8.7 s
		// of wall time here, against 9.6-12.9 s). With no minimum, two threads ended runs with
		// tinypool's "Terminating worker thread" rejection about every other run: a thread let go when the queue ran dry was
		// let go again when its teardown answered while another thread still ran, which posted a second teardown to a
		// thread already terminating. One below the maximum, the pool never holds more than its minimum once a thread is let
		// go, so that cannot happen; and at the end, where vitest recycles the threads after the last file, it starts one
		// new thread instead of two (each loads tinypool, which shells out to count the CPUs) only to close it.
		poolOptions: {threads: {isolate: false, minThreads: unitThreads - 1, maxThreads: unitThreads}},
		projects: [
			{
				// With the unit files transformed from the start (see transformUnitFilesEarly), Vite transforms a module's static
				// imports as soon as it transforms the module (vitest turns this off), so a thread mostly finds its modules ready.
				environments: {ssr: {dev: {preTransformRequests: true}}},
				// Pure logic: no Redis, no bundle, files in parallel, so the feedback loop stays in seconds.
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts'],
					// Threads start faster than forks, and one module graph shared by the files of a worker saves building the
					// zod schemas and catalogues again for each file: most of the unit project's CPU. No unit test leaves
					// module state behind (stubbed globals are restored after each test).
					pool: 'threads',
					isolate: false,
				},
			},
			{test: {name: 'integration', include: ['test/integration/**/*.test.ts', 'test/render/**/*.test.ts'], ...withStack}},
			{test: {name: 'browser', include: ['test/browser/**/*.test.ts'], ...withStack}},
		],
	},
});
