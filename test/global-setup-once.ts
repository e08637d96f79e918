import type {TestProject} from 'vitest/node';
import setup from './global-setup';

/**
 * The global set-up of the integration and browser projects. Vitest runs a project's globalSetup once for each project,
 * so `npm test` would start Redis and s3rver and build both bundles twice. The first project to start provides them on
 * the root project, whose context every project inherits; a later one finds them there and starts nothing.
 */
export default async function setupOnce(project: TestProject) {
	if (project.getProvidedContext().serveUrl) return;
	return setup(project.vitest.getRootProject());
}
