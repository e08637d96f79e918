import {describe, expect, it} from 'vitest';
import {campaignReport} from '../../server/analytics/campaign-report';
import {dashboardLocales} from '../../server/dashboard/dashboard-messages';
import {campaignPage} from '../../server/dashboard/dashboard-pages';

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
});
