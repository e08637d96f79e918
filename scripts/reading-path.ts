/**
 * The modules a newcomer opens to follow one bill from the HTTP request to the MP4 to the pay click. README's
 * "Following one bill" lists the chains; test/unit/reading-path.test.ts keeps the two alike.
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
import {importDeclarations} from './import-declarations';

const root = resolve(import.meta.dirname, '..');

export const legs: ReadonlyArray<{name: string; stops: readonly string[]}> = [
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

/** The project modules a file imports for their values. */
const valueImports = (file: string): string[] => {
	const specifiers = importDeclarations(readFileSync(resolve(root, file), 'utf8')).flatMap(({specifier, typeOnly}) => (typeOnly ? [] : [specifier]));
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

export interface Leg {
	readonly name: string;
	/** The stops and the modules between them, in reading order. */
	readonly chain: readonly string[];
	/** What the chain's modules call, besides each other. */
	readonly called: readonly string[];
}

/** Each leg's chain and calls, and how many modules they come to, each counted once across legs. */
export const readingPath = (): {legs: Leg[]; modules: number} => {
	const counted = new Set<string>();
	const walked = legs.map(({name, stops}) => {
		const chainOf = [...new Set(stops.slice(1).flatMap((stop, index) => chain(stops[index]!, stop)))];
		const called = [...new Set(chainOf.filter((file) => !wiring.has(file)).flatMap(edges).filter((file) => !chainOf.includes(file)))];
		for (const file of [...chainOf, ...called]) counted.add(file);
		return {name, chain: chainOf, called};
	});
	return {legs: walked, modules: counted.size};
};
