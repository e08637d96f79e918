import {describe, expect, it} from 'vitest';
import {campaignReport} from '../../server/analytics/campaign-report';
import {dashboardLocales} from '../../server/dashboard/dashboard-messages';
import {campaignListPage, campaignPage} from '../../server/dashboard/dashboard-pages';

/** A table's header cells and rows, as a reader sees them (tags dropped, entities and spaces as text). */
const tableIn = (page: string, selector: string): {headers: string[]; rows: string[][]} => {
	const part = page.slice(page.indexOf(selector));
	const table = /<table.*?<\/table>/s.exec(part)![0];
	const text = (cell: string) => cell.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
	const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((match) => text(match[1]!));
	const [head, ...rows] = [...table.matchAll(/<tr>(.*?)<\/tr>/gs)].map((match) => cells(match[1]!));
	return {headers: head!, rows};
};

/** The row names of the "time from sending" table, as a reader sees them. */
const waitRows = (page: string): string[] => {
	const waits = /<section class="card" aria-labelledby="waits">(.*?)<\/section>/s.exec(page)![1]!;
	return [...waits.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((match) => match[1]!);
};

describe('the campaign page', () => {
	it("names the waits from sending in each language's own words and order", () => {
		const report = campaignReport({renders: '4', opened: '3', 'open_wait:1h': '2', 'open_wait:3d': '1', open_seconds_sum: '9000'});
		const page = (lang: 'en' | 'it' | 'ko') => campaignPage({lang, nonce: 'n'}, {batchId: 'dev_batch_1', createdAt: '2026-12-01T09:00:00.000Z', report, byDay: []});
		expect(waitRows(page('en'))).toEqual(['Within 1 hour', 'Within 6 hours', 'Within 1 day', 'Within 3 days', 'Within 7 days', 'Later']);
		expect(waitRows(page('it'))).toEqual(['Entro 1 ora', 'Entro 6 ore', 'Entro 1 giorno', 'Entro 3 giorni', 'Entro 7 giorni', 'Più tardi']);
		expect(waitRows(page('ko'))).toEqual(['1시간 이내', '6시간 이내', '1일 이내', '3일 이내', '7일 이내', '그 이후']);
	});

	it('writes the percentages in its words as Intl writes the rates beside them ("Watched 25%" over "75%", not "25 %")', () => {
		for (const [lang, t] of Object.entries(dashboardLocales)) {
			const percent = (value: number) => new Intl.NumberFormat(lang, {style: 'percent'}).format(value);
			expect([t.steps.reached25, t.steps.reached50, t.steps.reached75, t.interval, t.significant], lang).toEqual([
				expect.stringContaining(percent(0.25)),
				expect.stringContaining(percent(0.5)),
				expect.stringContaining(percent(0.75)),
				expect.stringContaining(percent(0.95)),
				expect.stringContaining(percent(0.95)),
			]);
		}
	});

	it('names the buttons pressed and the paid amount columns in the page language', () => {
		const report = campaignReport({renders: '4', 'clicked:pay': '2', 'clicked:page-pay': '1', 'clicked:bill-pdf': '1', 'paid_amount:EUR': '6840'});
		const page = (lang: 'en' | 'it' | 'ko') => campaignPage({lang, nonce: 'n'}, {batchId: 'dev_batch_1', createdAt: '2026-12-01T09:00:00.000Z', report, byDay: []});
		expect(tableIn(page('en'), 'data-table="clicks"')).toEqual({
			headers: ['Buttons pressed', 'Viewers'],
			rows: [
				['Pay (in the video)', '2'],
				['Pay (on the page)', '1'],
				['Bill PDF', '1'],
			],
		});
		expect(tableIn(page('it'), 'data-table="clicks"').rows.map(([kind]) => kind)).toEqual(['Paga (nel video)', 'Paga (nella pagina)', 'Bolletta PDF']);
		expect(tableIn(page('ko'), 'data-table="clicks"').rows.map(([kind]) => kind)).toEqual(['결제 (영상 안)', '결제 (페이지)', '청구서 PDF']);
		expect(tableIn(page('en'), 'aria-labelledby="money"').headers).toEqual(['Currency', 'Amount']);
		expect(tableIn(page('it'), 'aria-labelledby="money"').headers).toEqual(['Valuta', 'Importo']);
		expect(tableIn(page('ko'), 'aria-labelledby="money"').headers).toEqual(['통화', '금액']);
	});

	it('names a campaign by when it was sent, keeping its id beside', () => {
		const report = campaignReport({renders: '6'});
		const campaign = {batchId: 'acme_batch_1796288506188_34938da0', createdAt: '2026-12-01T09:05:00.000Z', report};
		const list = campaignListPage({lang: 'en', nonce: 'n'}, [campaign]);
		expect(list).toContain('>1 Dec 2026, 09:05 UTC</a>');
		expect(campaignListPage({lang: 'it', nonce: 'n'}, [campaign])).toContain('>1 dic 2026, 09:05 UTC</a>');
		const page = campaignPage({lang: 'en', nonce: 'n'}, {...campaign, byDay: []});
		expect(page).toContain('<h2>Campaign: 1 Dec 2026, 09:05 UTC</h2>');
		expect(page).toContain('acme_batch_1796288506188_34938da0');
	});
});
