import {describe, expect, it} from 'vitest';
import {fill, messagesFor} from '../../src/i18n/catalogue';
import {koreanEnding, particleAfter} from '../../src/i18n/korean-particles';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';

describe('koreanEnding', () => {
	it.each([
		['하나로텔레콤', 'consonant'],
		['케이티', 'vowel'],
		['에스케이텔레콤', 'consonant'],
		['서울가스', 'vowel'],
		['한국전력', 'consonant'],
		['오로라 모바일', 'rieul'],
		['Aurora Mobile', 'rieul'],
		['Aurora', 'vowel'],
		['Vodafone', 'consonant'],
		['Orange', 'vowel'],
		['Telecom', 'consonant'],
		['Smart', 'vowel'],
		['Net', 'consonant'],
		['SKT', 'vowel'],
		['LG U+', 'unknown'],
		['KTL', 'rieul'],
		['EDF', 'vowel'],
		['Energy 24', 'vowel'],
		['Channel 5', 'vowel'],
		['Line 1', 'rieul'],
		['Studio 10', 'consonant'],
		['₩5,000', 'consonant'],
		['Mobile!', 'rieul'],
		['中国移动', 'unknown'],
		['★', 'unknown'],
	] as const)('%s ends on a %s', (word, ending) => {
		expect(koreanEnding(word)).toBe(ending);
	});
});

describe('particleAfter', () => {
	it.each([
		['하나로텔레콤', '을(를)', '을'],
		['케이티', '을(를)', '를'],
		['Aurora Mobile', '을(를)', '을'],
		['Aurora', '을(를)', '를'],
		['₩5,000', '이(가)', '이'],
		['₩5,002', '이(가)', '가'],
		['서울가스', '은(는)', '는'],
		['한국전력', '과(와)', '과'],
		['오로라 모바일', '으로(로)', '로'],
		['하나로텔레콤', '(으)로', '으로'],
		['케이티', '(으)로', '로'],
		['中国移动', '을(를)', '을(를)'],
	] as const)('%s + %s → %s', (word, pair, particle) => {
		expect(particleAfter(word, pair)).toBe(particle);
	});
});

describe('fill', () => {
	it('makes a Korean particle agree with the word put before it, and leaves other text alone', () => {
		expect(fill('{brand}을(를) 이용해 주셔서 감사합니다', {brand: '케이티'})).toBe('케이티를 이용해 주셔서 감사합니다');
		expect(fill('{brand}을(를) 이용해 주셔서 감사합니다', {brand: '하나로텔레콤'})).toBe('하나로텔레콤을 이용해 주셔서 감사합니다');
		expect(fill('연체료 {fee}이(가) 부과됩니다', {fee: '₩5,000'})).toBe('연체료 ₩5,000이 부과됩니다');
		expect(fill('Thanks for choosing {brand}', {brand: 'Aurora'})).toBe('Thanks for choosing Aurora');
		expect(fill('{missing}을(를)', {})).toBe('{missing}을(를)');
	});

	it('the Korean close scene thanks the brand with the right particle, never "(를)"', () => {
		const bill = telcoFixtures['ko-KR']!;
		for (const [name, particle] of [
			['오로라 모바일', '을'],
			['케이티', '를'],
			['Aurora', '를'],
		] as const) {
			const title = telcoScript({...bill, brand: {...bill.brand, name}}).close.title;
			expect(title).toBe(`${name}${particle} 이용해 주셔서 감사합니다`);
		}
		expect(messagesFor('ko-KR').closeThanks).toContain('을(를)');
	});
});
