import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readingPath} from '../../scripts/reading-path';

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** Each leg of README's "Following one bill": its bold name and the modules it lists, in order. */
const documentedLegs = (): Array<{name: string; chain: string[]}> => {
	const section = readme.split('\n### Following one bill\n')[1] ?? '';
	const list = section.split('\n\n').find((block) => block.startsWith('- **')) ?? '';
	return list
		.split(/\n(?=- \*\*)/)
		.filter((item) => item.startsWith('- **'))
		.map((item) => ({
			name: item.match(/^- \*\*(.+?)\*\*/)![1]!,
			chain: [...item.matchAll(/`((?:server|src|compositions|public)\/[^`]+\.tsx?)`/g)].map((match) => match[1]!),
		}));
};

describe("README's reading path", () => {
	it('lists each leg as the chain of imports the code has', () => {
		const {legs} = readingPath();
		expect(documentedLegs()).toEqual(legs.map((leg) => ({name: expect.stringMatching(new RegExp(`^${leg.name}$`, 'i')), chain: leg.chain})));
	});
});
