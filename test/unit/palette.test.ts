import {describe, expect, it} from 'vitest';
import {AA_TEXT, contrastRatio, NON_TEXT} from '../../src/color';
import {brandPalette} from '../../src/palette';

const brands = [
	{primaryColor: '#E8F0FF'},
	{primaryColor: '#E8F0FF', accentColor: '#F2F6FF'},
	{primaryColor: '#4B2BD6', accentColor: '#FFB020'},
	{primaryColor: '#0A6E5C', accentColor: '#0A6E5C'},
	{primaryColor: '#14121F', accentColor: '#FFFFFF'},
	{primaryColor: '#FFD23F', accentColor: '#FFFFFF'},
	{primaryColor: '#FFFFFF'},
	{primaryColor: '#000000', accentColor: '#000000'},
	{primaryColor: '#7FFF00', accentColor: '#00A3E0'},
];

describe('brandPalette', () => {
	it.each(brands)('%o: text reaches 4.5:1 and bars, tracks and outlines 3:1', (brand) => {
		const p = brandPalette(brand);
		const text: Array<[string, string]> = [
			[p.onPrimary, p.primary],
			[p.onAccent, p.accent],
			[p.ink, p.card],
			[p.muted, p.card],
			[p.credit, p.card],
		];
		for (const [fg, bg] of text) expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(AA_TEXT);
		const nonText: Array<[string, string]> = [
			[p.bar, p.track],
			[p.bar, p.card],
			[p.credit, p.track],
			[p.over, p.track],
			[p.quietBar, p.card],
			[p.trackEdge, p.card],
			[p.accentEdge, p.primary],
			[p.cardEdge, p.primary],
		];
		for (const [fg, bg] of nonText) expect(contrastRatio(fg, bg), `${fg} against ${bg}`).toBeGreaterThanOrEqual(NON_TEXT);
	});

	it('keeps a brand colour that already works, and darkens a pale one only for its bars', () => {
		expect(brandPalette({primaryColor: '#4B2BD6'}).bar).toBe('#4B2BD6');
		const pale = brandPalette({primaryColor: '#E8F0FF'});
		expect(pale.primary).toBe('#E8F0FF');
		expect(pale.bar).not.toBe('#E8F0FF');
		expect(brandPalette({primaryColor: '#E8F0FF', accentColor: '#1F4FD1'}).bar).toBe('#1F4FD1');
	});
});
