/**
 * The texts among the elements' own that wrap and leave one short word alone on their last line ("Scegli la soluzione
 * per / te", "Scadenza: 28 novembre / 2026"). A last word as wide as half a line ("Ciao Luca / Romano") is no orphan,
 * and a text of two words has no better break. Self-contained, because Playwright sends it to the page as text.
 */
export const orphanedTexts = (elements: Element[]): string[] =>
	elements.flatMap((element) => {
		const nodes = [...element.childNodes].filter((node): node is Text => node.nodeType === Node.TEXT_NODE && (node as Text).data.trim() !== '');
		if (nodes.length !== 1) return [];
		const node = nodes[0]!;
		// Words as the line breaker sees them: a no-break space (a date range, "245 m³") joins its neighbours into one.
		const words = [...node.data.matchAll(/[^ \t\n]+/g)];
		if (words.length < 3) return [];
		const box = (start: number, end: number): DOMRect[] => {
			const range = document.createRange();
			range.setStart(node, start);
			range.setEnd(node, end);
			return [...range.getClientRects()].filter((rect) => rect.width > 0);
		};
		const lines = box(0, node.data.length);
		const last = words.at(-1)!;
		const lastTop = box(last.index!, last.index! + last[0].length).at(-1)?.top ?? Number.NaN;
		const before = words.at(-2)!;
		const beforeTop = box(before.index!, before.index! + before[0].length).at(-1)?.top ?? Number.NaN;
		const widest = Math.max(...lines.map((rect) => rect.width));
		const alone = Math.abs(lastTop - beforeTop) > 1;
		return alone && box(last.index!, last.index! + last[0].length).at(-1)!.width < widest / 2 ? [node.data.trim()] : [];
	});
