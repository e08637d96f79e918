/**
 * Each of `phrases` ("21 novembre 2026", "2026년 11월 21일") that a line break cuts in the elements' own text, with the
 * text it stands in. Spaces of any width compare alike, so a phrase is found whether its spaces break or not.
 * Self-contained, because Playwright sends it to the page as text.
 */
export const phrasesSplitAcrossLines = (elements: Element[], phrases: readonly string[]): string[] => {
	const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');
	const linesSpanned = (node: Text, start: number, end: number): number => {
		const range = document.createRange();
		range.setStart(node, start);
		range.setEnd(node, end);
		return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
	};
	return elements.flatMap((element) =>
		[...element.childNodes]
			.filter((node): node is Text => node.nodeType === Node.TEXT_NODE)
			.flatMap((node) => {
				const text = plain(node.data);
				return phrases.flatMap((phrase) => {
					const found: string[] = [];
					for (let at = text.indexOf(plain(phrase)); at >= 0; at = text.indexOf(plain(phrase), at + 1)) {
						// "1 novembre 2026" inside "21 novembre 2026" is another date.
						if (/[\p{L}\p{N}]/u.test(text.charAt(at - 1))) continue;
						if (linesSpanned(node, at, at + phrase.length) > 1) found.push(`"${plain(phrase)}" in "${text.trim()}"`);
					}
					return found;
				});
			}),
	);
};
