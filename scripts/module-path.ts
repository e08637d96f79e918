/**
 * `npx tsx scripts/module-path.ts`: how many modules a newcomer opens to follow one bill from the HTTP request to the
 * MP4 to the pay click.
 *
 * The rule. The journey runs through fixed stops: API main → app → renders router → render job → queue; worker main →
 * render worker → render video; compositions entry → telco composition; player → hotspot overlay → pay sheet. Legs
 * meet where no import does (the queue in Redis, the webpack bundle, the watch page's script tag), so each leg is
 * walked on its own. Between two stops the chain is the shortest chain of value imports (an `import type` calls
 * nothing, so it is not followed; packages are not counted); a stop handed in by the composition root instead of
 * imported is a jump straight to it. The path is every module on a chain plus the project
 * modules those chain modules import as values: the functions a reader of the chain sees called. Wiring modules (the
 * app, the composition root, the registries) import every feature by design; of theirs only the next stop counts.
 * Modules are counted once across legs.
 */
import {existsSync, readFileSync} from 'node:fs';
import {dirname, relative, resolve} from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');

const legs: ReadonlyArray<{name: string; stops: readonly string[]}> = [
	{
		name: 'request → queued job',
		stops: ['server/api/api-main.ts', 'server/api/app.ts', 'server/renders/renders-router.ts', 'server/renders/prepare-render-job.ts', 'server/renders/render-queue.ts'],
	},
	{name: 'job → MP4', stops: ['server/worker/worker-main.ts', 'server/worker/render-worker.ts', 'server/worker/render-video.ts']},
	{name: "the MP4's frames", stops: ['compositions/index.ts', 'compositions/telco-bill/telco-bill.tsx']},
	{name: 'player → pay click', stops: ['public/src/billcast-player.tsx', 'public/src/hotspot-overlay.tsx', 'public/src/pay-sheet.tsx']},
];

const wiring = new Set(['server/api/app.ts', 'server/services/build-services.ts', 'server/services/build-workers.ts', 'compositions/root.tsx', 'compositions/registry.ts', 'src/templates/registry.ts']);

const resolveModule = (from: string, specifier: string): string | undefined => {
	if (!specifier.startsWith('.')) return undefined;
	const base = resolve(root, dirname(from), specifier);
	const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((file) => /\.tsx?$/.test(file) && existsSync(file));
	return found && relative(root, found);
};

/** The project modules a file imports for their values: type-only imports and type-only names are left out. */
const valueImports = (file: string): string[] => {
	const source = ts.createSourceFile(file, readFileSync(resolve(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
	const specifiers: string[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
			const clause = node.importClause;
			const bindings = clause?.namedBindings;
			const typeOnly =
				clause !== undefined &&
				(clause.isTypeOnly ||
					(!clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly)));
			if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
		} else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
			specifiers.push(node.moduleSpecifier.text);
		} else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
			specifiers.push(node.arguments[0].text);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return [...new Set(specifiers.flatMap((specifier) => resolveModule(file, specifier) ?? []))];
};

const importsOf = new Map<string, string[]>();
const edges = (file: string): string[] => {
	if (!importsOf.has(file)) importsOf.set(file, valueImports(file));
	return importsOf.get(file)!;
};

/** Breadth-first, so the chain is a shortest one; ties go to the import written first. */
const chain = (from: string, to: string): string[] => {
	const previous = new Map<string, string | undefined>([[from, undefined]]);
	const queue = [from];
	while (queue.length > 0) {
		const file = queue.shift()!;
		if (file === to) break;
		for (const next of edges(file)) {
			if (previous.has(next)) continue;
			previous.set(next, file);
			queue.push(next);
		}
	}
	// Handed in by the composition root rather than imported (the queue the router adds to): the reader jumps there.
	if (!previous.has(to)) return [from, to];
	const path: string[] = [];
	for (let file: string | undefined = to; file !== undefined; file = previous.get(file)) path.unshift(file);
	return path;
};

const counted = new Set<string>();
for (const leg of legs) {
	const modules = [...new Set(leg.stops.slice(1).flatMap((stop, index) => chain(leg.stops[index]!, stop)))];
	const called = modules.filter((file) => !wiring.has(file)).flatMap(edges).filter((file) => !modules.includes(file));
	const fresh = [...new Set([...modules, ...called])].filter((file) => !counted.has(file));
	for (const file of fresh) counted.add(file);
	console.log(`${leg.name}: ${modules.join(' → ')}`);
	console.log(`  + called: ${[...new Set(called)].join(', ') || '(none)'}  [${fresh.length} new]`);
}
console.log(`modules on the path: ${counted.size}`);
