import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		globalSetup: ['test/global-setup.ts'],
		// Render tests share two cores; running files one after another keeps each render's timing sane.
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 180_000,
	},
});
