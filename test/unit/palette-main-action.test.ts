import {describe, expect, it} from 'vitest';
import {AA_TEXT, contrastRatio, NON_TEXT} from '../../src/color';
import {brandPalette} from '../../src/palette';

/** Brands whose main button had no colour of its own: no accent, or an accent that vanishes on the brand or reads as white. */
const brands = [
	{primaryColor: '#E8F0FF'},
	{primaryColor: '#FFFFFF'},
	{primaryColor: '#FFD23F'},
	{primaryColor: '#00A3E0'},
	{primaryColor: '#E8F0FF', accentColor: '#F2F6FF'},
	{primaryColor: '#E8F0FF', accentColor: '#FFFFFF'},
	{primaryColor: '#4B2BD6'},
	{primaryColor: '#0A6E5C'},
	{primaryColor: '#000000'},
	{primaryColor: '#C0392B', accentColor: '#FFFFFF'},
	{primaryColor: '#14121F', accentColor: '#FFF8E1'},
];

describe('the main call to action', () => {
	it.each(brands)('%o: is filled in a colour of its own, apart from the background, the white buttons and its label', (brand) => {
		const p = brandPalette(brand);
		expect(contrastRatio(p.accent, p.primary), `${p.accent} on ${p.primary}`).toBeGreaterThanOrEqual(NON_TEXT);
		expect(contrastRatio(p.onAccent, p.accent), `${p.onAccent} on ${p.accent}`).toBeGreaterThanOrEqual(AA_TEXT);
		// The quieter buttons are `card` white: the main one must not read as one of them.
		expect(contrastRatio(p.accent, p.card), `${p.accent} beside ${p.card}`).toBeGreaterThanOrEqual(1.5);
		expect(contrastRatio(p.accentEdgeOnCard, p.card)).toBeGreaterThanOrEqual(NON_TEXT);
	});

	it("is the brand's own hue, dark under white text on a pale brand (not a grey that looks disabled), light under ink on a dark one", () => {
		expect(brandPalette({primaryColor: '#E8F0FF'})).toMatchObject({accent: '#1C6BFF', onAccent: '#FFFFFF'});
		expect(brandPalette({primaryColor: '#4B2BD6'})).toMatchObject({accent: '#A696EB', onAccent: '#14121F'});
	});

	it("keeps a brand's own accent that shows", () => {
		expect(brandPalette({primaryColor: '#4B2BD6', accentColor: '#FFB020'}).accent).toBe('#FFB020');
		expect(brandPalette({primaryColor: '#0A6E5C', accentColor: '#FFD23F'}).accent).toBe('#FFD23F');
		expect(brandPalette({primaryColor: '#E8F0FF', accentColor: '#1F4FD1'}).accent).toBe('#1F4FD1');
	});
});
