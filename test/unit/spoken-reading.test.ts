import {describe, expect, it} from 'vitest';
import {formatPeriod} from '../../src/dates';
import {narrationOf, speakText, spokenContext} from '../../src/narration';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {templateOf} from '../../src/templates/registry';

const context = (locale: string, currency = 'EUR') => spokenContext({locale, currency, dates: ['2026-11-21']});

// Found by listening to rendered videos: each case below was read wrongly by the voice.
describe('how the narration reads what the screen shows', () => {
	it('says the digits after an English or Korean point one by one, and Italian decimals as Italians do', () => {
		expect(speakText('Data: 29.96 GB of 30 GB', context('en-GB'))).toBe('Data: twenty-nine point nine six gigabytes of thirty gigabytes');
		expect(speakText('3.05 kWh', context('en-GB'))).toBe('three point zero five kilowatt hours');
		expect(speakText('데이터: 30 GB 중 29.96 GB', context('ko-KR', 'KRW'))).toBe('데이터: 삼십 기가바이트 중 이십구 점 구육 기가바이트');
		expect(speakText('12.34', context('ko-KR', 'KRW'))).toBe('십이 점 삼사');
		expect(speakText('3.05', context('ko-KR', 'KRW'))).toBe('삼 점 영오');
		expect(speakText('Dati: 29,96 GB su 30 GB', context('it-IT'))).toBe('Dati: ventinove virgola novantasei gigabàit su trenta gigabàit');
	});

	it('makes a unit, and an Italian one, agree with the number', () => {
		expect(speakText('1 giorno di ritardo', context('it-IT'))).toBe('un giorno di ritardo');
		expect(speakText('21 giorni di ritardo', context('it-IT'))).toBe('ventuno giorni di ritardo');
		expect(speakText('1 GB', context('it-IT'))).toBe('un gigabàit');
		expect(speakText('1 m³', context('it-IT'))).toBe('un metro cubo');
		expect(speakText('2 m³', context('it-IT'))).toBe('due metri cubi');
		expect(speakText('1 kWh', context('it-IT'))).toBe('un chilowattora');
		expect(speakText('Minuti: 1 su 500', context('it-IT'))).toBe('Minuti: uno su cinquecento');
		expect(speakText('1 GB', context('en-GB'))).toBe('one gigabyte');
		expect(speakText('1 m³', context('en-GB'))).toBe('one cubic metre');
		expect(speakText('1 kWh', context('en-GB'))).toBe('one kilowatt hour');
		expect(speakText('1.5 kWh', context('en-GB'))).toBe('one point five kilowatt hours');
		expect(speakText('1 GB', context('ko-KR', 'KRW'))).toBe('일 기가바이트');
		expect(speakText('1,00 £', context('it-IT', 'GBP'))).toBe('una sterlina');
		expect(speakText('1,00 €', context('it-IT'))).toBe('un euro');
	});

	it('says the year of a date outside the year the bill is written in', () => {
		const reminder = (locale: string) => spokenContext({locale, currency: 'EUR', dates: ['2025-11-30', '2026-01-12', '2027-02-12']});
		expect(speakText('Il pagamento è terminato il 30 novembre 2025', reminder('it-IT'))).toBe('Il pagamento è terminato il trenta novembre duemilaventicinque');
		expect(speakText('12 febbraio 2027', reminder('it-IT'))).toBe('dodici febbraio duemilaventisette');
		expect(speakText('It was due on 30 November 2025', reminder('en-GB'))).toBe('It was due on the thirtieth of November twenty twenty-five');
		expect(speakText('2025년 11월 30일', reminder('ko-KR'))).toBe('이천이십오년 십일월 삼십일');
		const bill = spokenContext({locale: 'en-GB', currency: 'EUR', dates: ['2026-01-05', '2025-11-30'], period: {start: '2025-12-01', end: '2025-12-31'}});
		expect(speakText('Due by 5 January 2026', bill)).toBe('Due by the fifth of January twenty twenty-six');
		expect(speakText('Paid on 30 November 2025', bill)).toBe('Paid on the thirtieth of November');
		const written = spokenContext({locale: 'en-GB', currency: 'EUR', dates: ['2026-12-28', '2027-01-28'], writtenOn: '2026-12-01'});
		expect(speakText('28 December 2026, 28 January 2027', written)).toBe('the twenty-eighth of December, the twenty-eighth of January twenty twenty-seven');
	});

	it('says a period across the new year with both its years', () => {
		const bill = spokenContext({locale: 'en-GB', currency: 'EUR', dates: [], period: {start: '2025-12-15', end: '2026-01-14'}});
		expect(speakText(`Your bill for ${formatPeriod('2025-12-15', '2026-01-14', 'en-GB')}`, bill)).toBe(
			'Your bill for the fifteenth of December twenty twenty-five to the fourteenth of January twenty twenty-six',
		);
	});

	it('a reminder with instalments into the next year says their years', () => {
		const bill = {...reminderFixtures['it-IT'], reminderDate: '2026-12-10', originalDueDate: '2026-11-30', nextStep: {...reminderFixtures['it-IT'].nextStep, date: '2026-12-20'}};
		const plan = narrationOf({template: 'payment-reminder', bill: {...bill, instalments: {...bill.instalments, firstDate: '2026-12-28'}}}, [{id: 'plan'}]);
		expect(templateOf('payment-reminder').sceneIds).toContain('plan');
		expect(plan[0]!.sentences.join(' ')).toMatch(/gennaio duemilaventisette/u);
	});

	it('respells loanwords the Italian voice misreads, and says PDF in Korean', () => {
		expect(speakText('Roaming in Francia', context('it-IT'))).toBe('Ròuming in Francia');
		expect(speakText('30 gigabyte di roaming', context('it-IT'))).toBe('trenta gigabàit di ròuming');
		expect(speakText('Roaming in France', context('en-GB'))).toBe('Roaming in France');
		expect(speakText('청구서 보기 (PDF)', context('ko-KR', 'KRW'))).toBe('청구서 보기 (피디에프)');
	});

	it('reads large Italian numbers as numbers, a round million with "di", and the plus of a phone number', () => {
		expect(speakText('123.456 kWh', context('it-IT'))).toBe('centoventitrémilaquattrocentocinquantasei chilowattora');
		expect(speakText('1.234.567 m³', context('it-IT'))).toMatch(/^un milione .* metri cubi$/u);
		expect(speakText('1.000.000 kWh', context('it-IT'))).toBe('un milione di chilowattora');
		expect(speakText('1.000.000,00 €', context('it-IT'))).toBe('un milione di euro');
		expect(speakText('2.000.000,50 €', context('it-IT'))).toBe('due milioni di euro e cinquanta centesimi');
		expect(speakText('1.500.000,00 €', context('it-IT'))).toBe('un milione e cinquecentomila euro');
		expect(speakText('Chiamaci: 02 1234 5678', context('it-IT'))).toBe('Chiamaci: zero due, uno due tre quattro, cinque sei sette otto');
		expect(speakText('Talk to us: +44 20 7946 0000', context('en-GB', 'GBP'))).toBe('Talk to us: plus four four, two zero, seven nine four six, zero zero zero zero');
		expect(speakText('Chiamaci: +39 02 1234 5678', context('it-IT'))).toBe('Chiamaci: più tre nove, zero due, uno due tre quattro, cinque sei sette otto');
		expect(speakText('문의: +82 2 1234 5678', context('ko-KR', 'KRW'))).toBe('문의: 플러스 팔 이, 이, 일 이 삼 사, 오 육 칠 팔');
	});
});
