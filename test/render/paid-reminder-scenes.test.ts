import {mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {videoFormats} from '../../src/formats';
import {messagesFor} from '../../src/i18n/catalogue';
import {asPaidBill} from '../../src/paid-state';
import {scriptFor, timelineFor, type RenderRequestInput} from '../../src/render-input';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {reminderWordsFor} from '../../src/templates/payment-reminder/reminder-words';
import type {LayoutProblem} from './layout-page';
import {useLayoutStage} from './layout-stage';

const shotsDir = process.env.BILLCAST_SHOTS_DIR ?? join(tmpdir(), 'billcast-shots');
mkdirSync(shotsDir, {recursive: true});

const stage = useLayoutStage();

/** The text a frame shows, spaces made plain, so a string is found whatever element or line it sits on. */
const plain = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('a paid payment reminder, drawn live, says it was received and asks for nothing', () => {
	describe.each(['en-GB', 'it-IT', 'ko-KR'] as const)('%s', (locale) => {
		it.each(videoFormats)('%s', async (format) => {
			const sent = {template: 'payment-reminder', bill: reminderFixtures[locale], format} as const satisfies RenderRequestInput;
			const paid = asPaidBill(sent);
			const timeline = timelineFor(paid);
			const asSent = scriptFor(sent);
			// What the reminder as sent says of the debt: missing, days late, the next step, the plan, the buttons asking for money.
			const dunning = [
				asSent.overdue!.lines[0]!,
				...asSent.overdue!.lines.slice(2),
				...asSent.next!.lines,
				...asSent.plan!.lines,
				...asSent.options!.lines.slice(2, -1),
				asSent.options!.lines[0]!,
			].map(plain);
			const words = reminderWordsFor(locale).paid;
			const shown: Record<string, string> = {};
			const problems: string[] = [];
			let buttons: string[] = [];
			for (const [index, scene] of timeline.scenes.entries()) {
				const hold = timeline.staticHolds.find((h) => h.from >= scene.from && h.from < scene.from + scene.durationInFrames)!;
				await stage.page.evaluate(([request, at]) => window.showFrame(request, at), [paid, hold.from] as const);
				const found: LayoutProblem[] = await stage.page.evaluate(() => window.measureFrame({minTextPx: 0, minTargetPx: 0}));
				problems.push(...found.map((p) => `${scene.id} ${p.kind}: "${p.text}" ${p.detail}`));
				shown[scene.id] = plain(await stage.page.evaluate(() => document.getElementById('root')!.innerText));
				if (scene.id === 'options') buttons = await stage.page.evaluate(() => [...document.querySelectorAll('[data-non-text="hotspot"]')].map((button) => button.textContent!));
				await stage.page.screenshot({path: join(shotsDir, `paid-reminder-${locale}-${format}-${index}-${scene.id}.png`), clip: {x: 0, y: 0, width: timeline.width, height: timeline.height}});
			}
			expect(problems).toEqual([]);
			expect(shown.overdue).toContain(plain(words.overdueTitle));
			expect(shown.overdue).toContain(plain(words.inFull));
			expect(shown.next).toContain(plain(words.nextStep));
			expect(shown.plan).toContain(plain(words.planTitle));
			for (const [scene, text] of Object.entries(shown)) expect(dunning.filter((line) => text.includes(line)), `${scene}: ${text}`).toEqual([]);
			// Where the buttons asking for money were, "Paid"; calling stays a button.
			const paidTitle = messagesFor(locale).paidTitle;
			expect(buttons.map(plain).sort()).toEqual([paidTitle, paidTitle, plain(asSent.options!.lines.at(-1)!)].sort());
		});
	});
});
