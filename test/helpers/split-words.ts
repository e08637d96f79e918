/**
 * The words of the elements' own text that a line break cuts inside (크레/딧, Telecommunication/s); after a hyphen is
 * where a hyphenated name may break. Self-contained, because Playwright sends it to the page as text.
 */
export const wordsSplitAcrossLines = (elements: Element[]): string[] => {
	const linesSpanned = (node: Text, start: number, end: number): number => {
		const range = document.createRange();
		range.setStart(node, start);
		range.setEnd(node, end);
		return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
	};
	const ownText = elements.flatMap((element) => [...element.childNodes].filter((node): node is Text => node.nodeType === Node.TEXT_NODE));
	return ownText.flatMap((node) =>
		[...node.data.matchAll(/\S+/g)].flatMap((word) => {
			if (linesSpanned(node, word.index, word.index + word[0].length) < 2) return [];
			let offset = word.index;
			const whole = word[0].split(/(?<=-)/).every((piece) => {
				const one = linesSpanned(node, offset, offset + piece.length) < 2;
				offset += piece.length;
				return one;
			});
			return whole ? [] : [word[0]];
		}),
	);
};
