import {describe, expect, it} from 'vitest';
import {utilityBillSchema, type UtilityBill} from '../../src/templates/utility-bill/utility-bill-schema';
import {utilityEdgeBills} from '../../src/templates/utility-bill/utility-edge-bills';
import {utilityFixtures} from '../../src/templates/utility-bill/utility-fixtures';
import {utilityScript} from '../../src/templates/utility-bill/utility-script';
import {fieldErrorsFromZod} from '../../server/platform/zod-field-errors';

const errorsOf = (bill: UtilityBill) => {
	const result = utilityBillSchema.safeParse(bill);
	return result.success ? [] : fieldErrorsFromZod(result.error).map((error) => `${error.path}: ${error.message}`);
};

const october = utilityFixtures['en-GB'];
const readings = (...points: Array<[string, number]>) => points.map(([periodEnd, amount]) => ({periodEnd, amount}));

describe("a utility bill's readings are the consumption the video tells", () => {
	it('refuses readings out of date order, and a last one that is not this period', () => {
		const bill = {...october, consumption: readings(['2024-03-31', 100], ['2023-01-31', 5000])};
		expect(errorsOf(bill)).toEqual([
			'consumption[1].periodEnd: must be after the reading before it (2024-03-31): readings go oldest first, one per metered period',
			"consumption[1].periodEnd: must be the end of this bill's period (2026-10-31): the last reading is what the video calls this period's consumption",
			"consumption[0].periodEnd: must be the day before this bill's period starts (2026-09-30): each reading covers the days after the one before it, so the last one covers the bill's period",
		]);
		expect(errorsOf({...october, consumption: readings(['2026-10-31', 1], ['2026-10-31', 2])})[0]).toMatch(/^consumption\[1\]\.periodEnd: must be after the reading before it \(2026-10-31\)/);
	});

	it('takes only the end of the period itself, not another day of its month', () => {
		expect(errorsOf({...october, consumption: readings(['2026-09-15', 250], ['2026-10-15', 285])})).toEqual([
			"consumption[1].periodEnd: must be the end of this bill's period (2026-10-31): the last reading is what the video calls this period's consumption",
			"consumption[0].periodEnd: must be the day before this bill's period starts (2026-09-30): each reading covers the days after the one before it, so the last one covers the bill's period",
		]);
	});

	it("refuses monthly readings on a two-month bill: the last month alone is not the bill's consumption", () => {
		const twoMonths = {...october, period: {start: '2026-09-01', end: '2026-10-31'}, consumption: readings(['2026-08-31', 150], ['2026-09-30', 150], ['2026-10-31', 95])};
		expect(errorsOf(twoMonths)).toEqual([
			"consumption[1].periodEnd: must be the day before this bill's period starts (2026-08-31): each reading covers the days after the one before it, so the last one covers the bill's period",
		]);
		expect(errorsOf({...twoMonths, consumption: readings(['2026-08-31', 300], ['2026-10-31', 245])})).toEqual([]);
	});

	it('refuses a year-on-year figure that the reading for the same period a year earlier contradicts', () => {
		const bill = {...october, consumption: readings(['2025-09-30', 240], ['2025-10-31', 262], ['2026-09-30', 240], ['2026-10-31', 285])};
		expect(errorsOf({...bill, samePeriodLastYear: 100})).toEqual([
			'samePeriodLastYear: must be 262, the reading for the same period a year earlier (ending 2025-10-31), which the chart shows',
		]);
		expect(errorsOf({...bill, samePeriodLastYear: 262})).toEqual([]);
		expect(errorsOf({...bill, samePeriodLastYear: undefined})).toEqual([]);
		// February's last day a year before a leap-year February is the 28th.
		const leap = {...october, period: {start: '2028-02-01', end: '2028-02-29'}, issueDate: '2028-03-02', dueDate: '2028-03-20'};
		expect(errorsOf({...leap, samePeriodLastYear: 9, consumption: readings(['2027-01-31', 1], ['2027-02-28', 8], ['2028-01-31', 1], ['2028-02-29', 9])})).toEqual([
			'samePeriodLastYear: must be 8, the reading for the same period a year earlier (ending 2027-02-28), which the chart shows',
		]);
	});

	it('takes every fixture and edge bill', () => {
		for (const bill of [...Object.values(utilityFixtures), ...Object.values(utilityEdgeBills)]) expect(errorsOf(bill)).toEqual([]);
	});

	it("tells the two-month Italian and Korean bills' own consumption, against two months a year earlier", () => {
		const italian = utilityScript(utilityFixtures['it-IT']).consumption;
		expect([italian.thisPeriod, italian.comparison]).toEqual(['Questo periodo: 245 m³', '14% in meno rispetto allo stesso periodo dell’anno scorso']);
		const ko = utilityScript(utilityFixtures['ko-KR']);
		expect([ko.consumption.thisPeriod, ko.consumption.comparison, ko.similar?.verdict]).toEqual(['이번 기간: 37 m³', '작년 같은 기간보다 10% 적습니다', '비슷한 가구보다 16% 덜 사용하셨습니다']);
	});
});
