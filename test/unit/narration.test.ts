import {describe, expect, it} from 'vitest';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {
	narrationOf,
	secondsForSpeech,
	sentencesOnVideoClock,
	speakText,
	SPEECH_LEAD_IN_MS,
	SPEECH_TAIL_MS,
	spokenContext,
	spokenDate,
	spokenMoney,
	spokenNumber,
	spokenPercent,
} from '../../src/narration';
import {formatMoney} from '../../src/money';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';
import type {SceneId} from '../../src/scene-ids';
import {templateOf, type TemplateBill} from '../../src/templates/registry';

describe('spoken numbers', () => {
	it('says money the way each language does', () => {
		expect(spokenMoney({minor: 6840, currency: 'EUR', locale: 'en-GB'})).toBe('sixty-eight euros forty');
		expect(spokenMoney({minor: 5200, currency: 'EUR', locale: 'en-GB'})).toBe('fifty-two euros');
		expect(spokenMoney({minor: 101, currency: 'GBP', locale: 'en-GB'})).toBe('one pound one');
		expect(spokenMoney({minor: 40, currency: 'EUR', locale: 'en-GB'})).toBe('forty cents');
		expect(spokenMoney({minor: -500, currency: 'EUR', locale: 'en-GB'})).toBe('minus five euros');
		expect(spokenMoney({minor: 6840, currency: 'EUR', locale: 'it-IT'})).toBe('sessantotto euro e quaranta centesimi');
		expect(spokenMoney({minor: 100, currency: 'EUR', locale: 'it-IT'})).toBe('un euro');
		expect(spokenMoney({minor: 68400, currency: 'KRW', locale: 'ko-KR'})).toBe('육만 팔천사백 원');
		expect(spokenMoney({minor: 12900, currency: 'KRW', locale: 'ko-KR'})).toBe('만 이천구백 원');
		expect(spokenMoney({minor: 6840, currency: 'EUR', locale: 'ko-KR'})).toBe('육십팔 유로 사십 센트');
	});

	it('says dates without the year, the way each language does', () => {
		expect(spokenDate('2026-11-21', 'en-GB')).toBe('the twenty-first of November');
		expect(spokenDate('2026-11-21', 'it-IT')).toBe('ventuno novembre');
		expect(spokenDate('2026-10-01', 'it-IT')).toBe('primo ottobre');
		expect(spokenDate('2026-11-21', 'ko-KR')).toBe('십일월 이십일일');
		expect(spokenDate('2026-06-10', 'ko-KR')).toBe('유월 십일');
	});

	it('says percentages and decimals', () => {
		expect(spokenPercent(15, 'en-GB')).toBe('fifteen per cent');
		expect(spokenPercent(15, 'it-IT')).toBe('quindici per cento');
		expect(spokenPercent(15, 'ko-KR')).toBe('십오 퍼센트');
		expect(spokenNumber('23.4', 'en-GB')).toBe('twenty-three point four');
		expect(spokenNumber('23.4', 'it-IT')).toBe('ventitré virgola quattro');
		expect(spokenNumber('23.4', 'ko-KR')).toBe('이십삼 점 사');
	});
});

describe('speakText', () => {
	const context = (locale: string, currency: string) => spokenContext({locale, currency, dates: ['2026-11-21']});

	it('rewrites what the scripts print, in every locale format', () => {
		expect(speakText('Pay €68.40 now', context('en-GB', 'EUR'))).toBe('Pay sixty-eight euros forty now');
		expect(speakText('Discounts: -€5.00', context('en-GB', 'EUR'))).toBe('Discounts: minus five euros');
		expect(speakText('Due by 21 November 2026', context('en-GB', 'EUR'))).toBe('Due by the twenty-first of November');
		expect(speakText('Data: 23.4 GB of 30 GB', context('en-GB', 'EUR'))).toBe('Data: twenty-three point four gigabytes of thirty gigabytes');
		expect(speakText('Paga ora 1.234,50 €', context('it-IT', 'EUR'))).toBe(
			'Paga ora milleduecentotrentaquattro euro e cinquanta centesimi',
		);
		expect(speakText('Scadenza: 21 novembre 2026', context('it-IT', 'EUR'))).toBe('Scadenza: ventuno novembre');
		expect(speakText('₩68,400 지금 납부', context('ko-KR', 'KRW'))).toBe('육만 팔천사백 원 지금 납부');
		expect(speakText('납부 기한: 2026년 11월 21일', context('ko-KR', 'KRW'))).toBe('납부 기한: 십일월 이십일일');
		expect(speakText('Talk to us: +44 20 7946 0000', context('en-GB', 'GBP'))).toBe(
			'Talk to us: plus four four, two zero, seven nine four six, zero zero zero zero',
		);
	});

	// en-DE writes "€68.40" but plain numbers as "1.234,5": read with the plain separators, €68.40 was said as six thousand
	// eight hundred and forty euros, and €1,000,000.00 stopped the narration.
	it('says every amount the scripts print as exactly that amount, in every region of the languages it speaks', () => {
		const heard = ['en-GB', 'en-US', 'en-DE', 'en-CH', 'en-ZA', 'it-IT', 'it-CH', 'ko-KR', 'fr-FR'].flatMap((locale) =>
			['EUR', 'GBP', 'CHF', 'KRW'].flatMap((currency) =>
				[5, 6840, -500, 100_000_000].map((minor) => {
					const printed = formatMoney({minor, currency, locale});
					return {locale, printed, said: speakText(`Pay ${printed} now`, context(locale, currency)), meant: `Pay ${spokenMoney({minor, currency, locale})} now`};
				}),
			),
		);
		expect(heard.filter(({said, meant}) => said !== meant)).toEqual([]);
	});

	it('picks the Korean particle the spoken word needs instead of reading both', () => {
		expect(speakText('한빛 모바일을(를) 이용해 주셔서 감사합니다', context('ko-KR', 'KRW'))).toBe('한빛 모바일을 이용해 주셔서 감사합니다');
		expect(speakText('서울 가스을(를) 이용해', context('ko-KR', 'KRW'))).toBe('서울 가스를 이용해');
	});
});

const fixtures = (locale: 'en-GB' | 'it-IT' | 'ko-KR'): Array<{templateBill: TemplateBill; scenes: ReadonlyArray<{id: SceneId}>}> => [
	{templateBill: {template: 'telco-bill', bill: telcoFixtures[locale]}, scenes: templateOf('telco-bill').sceneIds.map((id) => ({id}))},
	{templateBill: {template: 'utility-bill', bill: utilityFixtures[locale]}, scenes: templateOf('utility-bill').sceneIds.map((id) => ({id}))},
	{templateBill: {template: 'payment-reminder', bill: reminderFixtures[locale]}, scenes: templateOf('payment-reminder').sceneIds.map((id) => ({id}))},
];

describe('narrationOf', () => {
	it('narrates the sample bill as sentences to be heard', () => {
		const narration = narrationOf({template: 'telco-bill', bill: sampleTelcoBill}, templateOf('telco-bill').sceneIds.map((id) => ({id})));
		expect(narration.map((scene) => scene.sceneId)).toEqual([...templateOf('telco-bill').sceneIds]);
		const said = Object.fromEntries(narration.map((scene) => [scene.sceneId, scene.sentences]));
		expect(said.total).toEqual([
			'Your bill this time is sixty-eight euros forty.',
			'Sixteen euros forty more than last time.',
			'Roaming in France added eighteen euros forty.',
			'Last bill: fifty-two euros.',
		]);
		expect(said.greeting).toEqual(['Hi Giulia Rossi.', 'Here is your Aurora Mobile bill for the first of October to the thirty-first of October.']);
		expect(said.due).toEqual(['Due by the twenty-first of November: sixty-eight euros forty.', 'Button: Pay sixty-eight euros forty now.']);
		expect(said.close).toEqual(['Thank you for being with Aurora Mobile.', 'Button: View your bill (PDF).', 'Button: Email us.']);
	});

	it('follows the scenes it is given, in their order', () => {
		const narration = narrationOf({template: 'telco-bill', bill: sampleTelcoBill}, [{id: 'due'}, {id: 'greeting'}]);
		expect(narration.map((scene) => scene.sceneId)).toEqual(['due', 'greeting']);
	});

	it('says Italian and Korean amounts in their own words', () => {
		const italian = narrationOf({template: 'telco-bill', bill: telcoFixtures['it-IT']}, [{id: 'total'}])[0]!;
		expect(italian.sentences[0]).toBe('La tua bolletta questa volta è di sessantotto euro e quaranta centesimi.');
		// A card's last four digits are read one by one, not as a number.
		const due = narrationOf({template: 'telco-bill', bill: telcoFixtures['it-IT']}, [{id: 'due'}])[0]!;
		expect(due.sentences[1]).toBe('Non devi fare nulla: addebiteremo la carta che termina con quattro due quattro due il ventuno novembre.');
		const korean = narrationOf({template: 'telco-bill', bill: telcoFixtures['ko-KR']}, [{id: 'total'}, {id: 'due'}]);
		expect(korean[0]!.sentences[0]).toBe('이번 청구 금액은 육만 팔천구백 원입니다.');
		expect(korean[1]!.sentences).toEqual(['납부 기한: 십일월 이십오일: 육만 팔천구백 원.', '버튼: 육만 팔천구백 원 지금 납부.']);
	});

	for (const locale of ['en-GB', 'it-IT', 'ko-KR'] as const) {
		it(`leaves no digit, currency sign or percent sign for the engine to guess (${locale})`, () => {
			for (const {templateBill, scenes} of fixtures(locale)) {
				const sentences = narrationOf(templateBill, scenes).flatMap((scene) => scene.sentences);
				expect(sentences.length).toBeGreaterThan(10);
				expect(sentences.filter((sentence) => /[\d€£$₩%]/u.test(sentence))).toEqual([]);
			}
		});
	}

	it('names every button the telco video shows and every amount in its breakdown', () => {
		const script = telcoScript(sampleTelcoBill);
		const sentences = narrationOf({template: 'telco-bill', bill: sampleTelcoBill}, templateOf('telco-bill').sceneIds.map((id) => ({id}))).flatMap((scene) => scene.sentences);
		const buttons = sentences.filter((sentence) => sentence.startsWith('Button: '));
		expect(buttons).toHaveLength(script.close.buttons.length + (script.due.payLabel ? 1 : 0));
		const breakdown = narrationOf({template: 'telco-bill', bill: sampleTelcoBill}, [{id: 'breakdown'}])[0]!.sentences;
		expect(breakdown).toHaveLength(1);
		for (const row of script.breakdown.rows) {
			expect(breakdown[0]).toContain(`${row.label} ${spokenMoney({minor: row.minor, currency: 'EUR', locale: 'en-GB'})}`);
		}
	});
});

describe('speech timing', () => {
	it('sizes a scene to its speech with a lead-in and a tail, and moves sentences onto the video clock', () => {
		const speech = {sceneId: 'total' as const, durationMs: 3000, sentences: [{text: 'A.', startMs: 0, endMs: 1200}, {text: 'B.', startMs: 1550, endMs: 3000}]};
		expect(secondsForSpeech(speech)).toBeCloseTo((SPEECH_LEAD_IN_MS + 3000 + SPEECH_TAIL_MS) / 1000);
		expect(secondsForSpeech({durationMs: 0})).toBe(0);
		expect(sentencesOnVideoClock(speech, 10_000)).toEqual([
			{text: 'A.', startMs: 10_000 + SPEECH_LEAD_IN_MS, endMs: 11_200 + SPEECH_LEAD_IN_MS},
			{text: 'B.', startMs: 11_550 + SPEECH_LEAD_IN_MS, endMs: 13_000 + SPEECH_LEAD_IN_MS},
		]);
	});
});
