import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {templateIds} from '../../src/templates/registry';
import {importDeclarations} from '../../scripts/import-declarations';

const root = resolve(import.meta.dirname, '../..');

const sourceFiles = (dir: string): string[] =>
	readdirSync(join(root, dir), {withFileTypes: true, recursive: true})
		.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
		.map((entry) => relative(root, join(entry.parentPath, entry.name)));

const importsOf = (file: string): string[] => importDeclarations(readFileSync(join(root, file), 'utf8')).map((declaration) => declaration.specifier);

/** The folder a relative import lands in, or the package name of a bare one. */
const target = (file: string, specifier: string): string =>
	specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)) : specifier;

const walls: Array<{folder: string; allowed: (to: string) => boolean; rule: string}> = [
	{
		folder: 'src',
		allowed: (to) => to.startsWith('src/') || to === 'zod' || to === 'remotion/no-react' || to.startsWith('n2words/') || to === 'lru-cache',
		rule: 'src/ is pure: it may import only src/, zod, remotion/no-react, n2words (numbers as words) and lru-cache (bounded caches, no Node or DOM)',
	},
	{
		folder: 'compositions',
		allowed: (to) =>
			to.startsWith('compositions/') || to.startsWith('src/') || /^(react|zod|remotion)(\/|$)/.test(to) || to.startsWith('@remotion/'),
		rule: 'compositions/ may import only src/, React, zod and Remotion',
	},
	{
		folder: 'public',
		allowed: (to) =>
			to.startsWith('public/') ||
			to.startsWith('src/') ||
			to.startsWith('compositions/') ||
			/^(react|react-dom|remotion)(\/|$)/.test(to) ||
			to === '@remotion/player' ||
			to === 'zod',
		rule: 'public/ (the player) may import only src/, compositions/, React, Remotion, @remotion/player and zod (for its config)',
	},
	{
		folder: 'server',
		allowed: (to) => !to.startsWith('compositions') && !/^react(-dom)?(\/|$)/.test(to),
		rule: 'server/ renders compositions/ through the bundle and never imports it or React',
	},
];

describe('architecture', () => {
	for (const {folder, allowed, rule} of walls) {
		it(rule, () => {
			const violations = sourceFiles(folder).flatMap((file) =>
				importsOf(file)
					.map((specifier) => target(file, specifier))
					.filter((to) => !to.startsWith('node:') || folder !== 'server')
					.filter((to) => !allowed(to))
					.map((to) => `${file} -> ${to}`),
			);
			expect(violations).toEqual([]);
		});
	}

	it('has no circular imports', () => {
		const files = ['src', 'compositions', 'server', 'public/src'].flatMap(sourceFiles);
		const resolveFile = (to: string) => [`${to}.ts`, `${to}.tsx`, `${to}/index.ts`].find((f) => files.includes(f));
		const graph = new Map(
			files.map((file) => [
				file,
				importsOf(file)
					.filter((s) => s.startsWith('.'))
					.map((s) => resolveFile(target(file, s)))
					.filter((f): f is string => f !== undefined),
			]),
		);
		const cycles: string[] = [];
		const state = new Map<string, 'visiting' | 'done'>();
		const visit = (file: string, path: string[]) => {
			if (state.get(file) === 'done') return;
			if (state.get(file) === 'visiting') {
				cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
				return;
			}
			state.set(file, 'visiting');
			for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
			state.set(file, 'done');
		};
		for (const file of files) visit(file, []);
		expect(cycles).toEqual([]);
	});

	const registries = ['src/templates/registry.ts', 'compositions/registry.ts'];

	it('switches on template ids only in the registries: a template is added by its folders and one registry line each', () => {
		const caseOfTemplate = new RegExp(`\\bcase\\s+['"](${templateIds.join('|')})['"]`);
		const offenders = ['src', 'compositions', 'server', 'public/src', 'scripts', 'bench']
			.flatMap(sourceFiles)
			.filter((file) => !registries.includes(file))
			.filter((file) => caseOfTemplate.test(readFileSync(join(root, file), 'utf8')));
		expect(offenders).toEqual([]);
	});

	it('a template folder imports shared modules only, never another template folder nor a registry', () => {
		const templateFolder = (path: string): string | undefined =>
			templateIds.find((id) => path.startsWith(`src/templates/${id}/`) || path.startsWith(`compositions/${id}/`));
		const violations = ['src/templates', 'compositions'].flatMap(sourceFiles).flatMap((file) => {
			const own = templateFolder(file);
			if (!own) return [];
			return importsOf(file)
				.filter((specifier) => specifier.startsWith('.'))
				.map((specifier) => target(file, specifier))
				.filter((to) => {
					const other = templateFolder(`${to}/`) ?? templateFolder(to);
					return (other !== undefined && other !== own) || /^(src\/templates|compositions)\/registry$/.test(to);
				})
				.map((to) => `${file} -> ${to}`);
		});
		expect(violations).toEqual([]);
	});
});


describe('server feature folders', () => {
	const features = readdirSync(join(root, 'server'), {withFileTypes: true})
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name);
	const featureOf = (path: string): string | undefined => features.find((feature) => path.startsWith(`server/${feature}/`));

	it('keeps every server module in a feature folder, none loose in server/', () => {
		expect(sourceFiles('server').filter((file) => featureOf(file) === undefined)).toEqual([]);
	});

	it('the worker never imports HTTP: no router, no app, nothing from api/, no express', () => {
		const violations = sourceFiles('server/worker').flatMap((file) =>
			importsOf(file)
				.map((specifier) => (specifier.startsWith('.') ? target(file, specifier) : specifier))
				.filter((to) => /-router$/.test(to) || to.startsWith('server/api/') || to === 'express')
				.map((to) => `${file} -> ${to}`),
		);
		expect(violations).toEqual([]);
	});

	// Not only its own files: `worker-main.ts` served its /metrics through platform/admin-endpoints.ts, which loaded express.
	it('the worker process never loads express: no module its main reaches at run time imports it', () => {
		const reached = new Set<string>();
		const packages = new Map<string, string>();
		const visit = (file: string) => {
			if (reached.has(file)) return;
			reached.add(file);
			for (const {specifier, typeOnly} of importDeclarations(readFileSync(join(root, file), 'utf8'))) {
				// A type-only import is erased when the module runs.
				if (typeOnly || specifier.startsWith('node:')) continue;
				if (!specifier.startsWith('.')) {
					packages.set(specifier, file);
					continue;
				}
				const to = target(file, specifier);
				const next = [`${to}.ts`, `${to}.tsx`, `${to}/index.ts`].find((candidate) => existsSync(join(root, candidate)));
				if (next) visit(next);
			}
		};
		visit('server/worker/worker-main.ts');
		expect(reached.size).toBeGreaterThan(20);
		const http = [...packages].filter(([name]) => /^(express|@bull-board\/express|body-parser)(\/|$)/.test(name)).map(([name, from]) => `${from} -> ${name}`);
		expect(http).toEqual([]);
	});

	// The composition root (api/, services/) and the processes' entry points (dev/, the mains) wire features together;
	// a feature uses another's stores and schemas, never its HTTP layer or the worker's internals.
	const wiringFolders = ['api', 'services', 'dev'];
	const crossings = (isForbidden: (to: string, fromFeature: string) => boolean) =>
		sourceFiles('server')
			.filter((file) => !wiringFolders.includes(featureOf(file)!) && !/-main\.ts$/.test(file))
			.flatMap((file) =>
				importsOf(file)
					.filter((specifier) => specifier.startsWith('.'))
					.map((specifier) => target(file, specifier))
					.filter((to) => isForbidden(to, featureOf(file)!))
					.map((to) => `${file} -> ${to}`),
			);

	it('no feature imports another feature\'s router, nor anything of api/', () => {
		expect(crossings((to, from) => to.startsWith('server/api/') || (/-router$/.test(to) && featureOf(`${to}.ts`) !== from))).toEqual([]);
	});

	it('no feature but the worker imports worker/: the API never loads the render pipeline', () => {
		expect(crossings((to, from) => from !== 'worker' && to.startsWith('server/worker/'))).toEqual([]);
	});

	it('services/ is the one place that builds the stores, queues and workers: the mains and the test stacks call it', () => {
		const builders = /\b(makeRenderWorker|makeWebhookDeliveryWorker|makeRenderStore|makeRenderQueue)\(/;
		const builtElsewhere = [...sourceFiles('server'), ...sourceFiles('test/helpers')]
			.filter((file) => !file.startsWith('server/services/'))
			.filter((file) => builders.test(readFileSync(join(root, file), 'utf8')));
		expect(builtElsewhere).toEqual([]);
	});

	it('only the composition root (api/) and npm start (dev/) reach into every feature; platform/ depends on no feature', () => {
		const violations = sourceFiles('server/platform').flatMap((file) =>
			importsOf(file)
				.filter((specifier) => specifier.startsWith('.'))
				.map((specifier) => target(file, specifier))
				.filter((to) => to.startsWith('server/') && featureOf(`${to}`) !== 'platform')
				.map((to) => `${file} -> ${to}`),
		);
		expect(violations).toEqual([]);
	});
});
