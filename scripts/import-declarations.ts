export interface ImportDeclaration {
	readonly specifier: string;
	/** `import type`, `export type`, or named imports that are all marked `type`: nothing is called through it. */
	readonly typeOnly: boolean;
}

/**
 * Every import and re-export a module's source declares, static, bare (`import './x'`) and dynamic, read from the
 * text: this code base writes them one way, at the start of a line with quoted specifiers, which the type checks hold.
 */
export const importDeclarations = (source: string): ImportDeclaration[] =>
	[...source.matchAll(/^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(
		([, typeKeyword, clause = '', fromSpecifier, bare, dynamic]) => {
			if (bare ?? dynamic) return {specifier: (bare ?? dynamic)!, typeOnly: false};
			const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1]?.split(',').map((name) => name.trim()).filter(Boolean);
			const typeOnly = typeKeyword !== undefined || (names !== undefined && names.length > 0 && names.every((name) => name.startsWith('type ')));
			return {specifier: fromSpecifier!, typeOnly};
		},
	);
