import {describe, expect, it} from 'vitest';
import {contrastRatio, hsl, NON_TEXT, shadeAgainst} from '../../src/color';
import {brandPalette, PLAYER_BAR} from '../../src/palette';

/** Accents that vanish on the player's dark control bar, and some that already show on it. */
const brands = [
	{primaryColor: '#FFFFFF', accentColor: '#1F4FD1'},
	{primaryColor: '#FFB020', accentColor: '#4B2BD6'},
	{primaryColor: '#E8F0FF', accentColor: '#4B2BD6'},
	{primaryColor: '#FFFFFF', accentColor: '#000000'},
	{primaryColor: '#FFFFFF', accentColor: '#14121F'},
	{primaryColor: '#4B2BD6', accentColor: '#FFB020'},
	{primaryColor: '#0A6E5C'},
	{primaryColor: '#E8F0FF'},
];

describe('the seek slider on the control bar (WCAG 1.4.11)', () => {
	it.each(brands)('%o: 3:1 against the bar, the accent itself when it already shows', (brand) => {
		const {accent, seek} = brandPalette(brand);
		expect(contrastRatio(seek, PLAYER_BAR), `${seek} on ${PLAYER_BAR}`).toBeGreaterThanOrEqual(NON_TEXT);
		if (contrastRatio(accent, PLAYER_BAR) >= NON_TEXT) expect(seek).toBe(accent);
	});

	it('lightens a dark colour on a dark background, keeping its hue; darkens one on a light background as before', () => {
		// #1F4FD1 is 2.7:1 on the bar: the first lighter tint of it that reaches 3:1.
		const tint = shadeAgainst('#1F4FD1', PLAYER_BAR, NON_TEXT);
		expect(contrastRatio(tint, PLAYER_BAR)).toBeGreaterThanOrEqual(NON_TEXT);
		expect(contrastRatio(tint, PLAYER_BAR)).toBeLessThan(3.3);
		expect(Math.abs(hsl(tint)[0] - hsl('#1F4FD1')[0])).toBeLessThan(0.05);
		// On white, the lightest darker shade (5 % steps), unchanged.
		expect(shadeAgainst('#B9B6CC', '#FFFFFF', NON_TEXT)).toBe('#9492A3');
	});
});
