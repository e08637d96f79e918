import type {Locator} from 'playwright-core';

/** The words of the elements' own text that the browser split across two lines (크레/딧): a line should break between words. */
export const brokenWords = (elements: Locator): Promise<string[]> =>
	elements.evaluateAll((nodes) =>
		nodes.flatMap((node) => {
			const text = node.firstChild;
			if (!(text instanceof Text)) return [];
			return [...text.data.matchAll(/\S+/g)].flatMap((word) => {
				const range = document.createRange();
				range.setStart(text, word.index);
				range.setEnd(text, word.index + word[0].length);
				return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1 ? [word[0]] : [];
			});
		}),
	);
