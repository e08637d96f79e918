/**
 * The texts among the elements' own that wrap and leave one short word alone on their last line ("Scegli la soluzione
 * per / te", "Scadenza: 28 novembre / 2026", "▲ €16,40 in più dell’ultima / volta"). A last word as wide as half a line
 * ("Ciao Luca / Romano") is no orphan, and a text of two words has no better break. An element's text may come in
 * several nodes (React writes `{arrow}{change}` as two) and is read as one. Self-contained, because Playwright sends it
 * to the page as text.
 */
export const orphanedTexts = (elements: Element[]): string[] =>
	elements.flatMap((element) => {
		// Text and elements mixed ("Hi <b>Luca</b>") lay out as several boxes; only an element of text alone is read.
		if ([...element.childNodes].some((node) => node.nodeType !== Node.TEXT_NODE)) return [];
		const nodes = [...element.childNodes] as Text[];
		const data = nodes.map((node) => node.data).join('');
		if (data.trim() === '') return [];
		// Words as the line breaker sees them: a no-break space (a date, "245 m³") joins its neighbours into one.
		const words = [...data.matchAll(/[^ \t\n]+/g)];
		if (words.length < 3) return [];
		const at = (index: number): [Text, number] => {
			let offset = index;
			for (const node of nodes) {
				if (offset <= node.data.length) return [node, offset];
				offset -= node.data.length;
			}
			return [nodes.at(-1)!, nodes.at(-1)!.data.length];
		};
		const box = (start: number, end: number): DOMRect[] => {
			const range = document.createRange();
			range.setStart(...at(start));
			range.setEnd(...at(end));
			return [...range.getClientRects()].filter((rect) => rect.width > 0);
		};
		const lines = box(0, data.length);
		const last = words.at(-1)!;
		const lastBox = box(last.index!, last.index! + last[0].length).at(-1);
		const before = words.at(-2)!;
		const beforeTop = box(before.index!, before.index! + before[0].length).at(-1)?.top ?? Number.NaN;
		const widest = Math.max(...lines.map((rect) => rect.width));
		const alone = Math.abs((lastBox?.top ?? Number.NaN) - beforeTop) > 1;
		return alone && lastBox!.width < widest / 2 ? [data.trim()] : [];
	});
