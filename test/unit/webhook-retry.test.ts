import {describe, expect, it} from 'vitest';
import {WEBHOOK_ATTEMPTS, WEBHOOK_RETRY_BASE_MS, webhookRetryDelayMs} from '../../server/webhooks/webhook-retry';

const delays = (baseMs: number) =>
	Array.from({length: WEBHOOK_ATTEMPTS - 1}, (_, index) => webhookRetryDelayMs({attemptsMade: index + 1, baseMs}));

describe('webhook retry schedule', () => {
	it('doubles from 30 s, stops growing at 2 h 8 min, and ends within 24 h of the first attempt', () => {
		const schedule = delays(WEBHOOK_RETRY_BASE_MS);
		expect(schedule.slice(0, 9).map((ms) => ms / 60_000)).toEqual([0.5, 1, 2, 4, 8, 16, 32, 64, 128]);
		expect(new Set(schedule.slice(8))).toEqual(new Set([128 * 60_000]));
		const total = schedule.reduce((sum, ms) => sum + ms, 0);
		expect(total).toBe((23 * 3600 + 27 * 60 + 30) * 1000);
		expect(total).toBeLessThan(24 * 3600 * 1000);
	});

	it('scales with the base, so a test can go through the whole schedule shape in milliseconds', () => {
		expect(delays(10).slice(0, 3)).toEqual([10, 20, 40]);
		expect(Math.max(...delays(10))).toBe(2_560);
	});
});
