import {describe, expect, it} from 'vitest';
import {AA_TEXT, contrastRatio, readableBackground, textColorOn} from '../../src/color';

describe('readableBackground', () => {
	it.each(['#4B2BD6', '#0A6E5C', '#E8F0FF', '#FFD23F', '#00A3E0', '#FFFFFF', '#7FFF00'])('%s carries AA text', (brand) => {
		const background = readableBackground(brand);
		expect(contrastRatio(background, textColorOn(background))).toBeGreaterThanOrEqual(AA_TEXT);
	});

	it('keeps a brand colour that already reads well', () => {
		expect(readableBackground('#4B2BD6')).toBe('#4B2BD6');
	});
});
