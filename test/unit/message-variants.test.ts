import {describe, expect, it} from 'vitest';
import {captionCues} from '../../src/captions';
import {fixtureLocales} from '../../src/fixtures/locales';
import {reminderFixtures} from '../../src/templates/payment-reminder/reminder-fixtures';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {messageVariants} from '../../src/message-variants';
import {scriptFor, timelineFor} from '../../src/render-input';
import {reminderScript} from '../../src/templates/payment-reminder/reminder-script';
import type {TemplateBill} from '../../src/templates/registry';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';

const captionsOf = (input: TemplateBill) => captionCues({timeline: timelineFor({...input, format: 'landscape'}), script: scriptFor(input)}).map((cue) => cue.text);

describe('message variants', () => {
	it.each(fixtureLocales)('give each wording of the telco due scene its own line and captions in %s', (locale) => {
		// Every fixture waiting for payment (the Italian one pays by autopay, where there is nothing to urge).
		const bill = {...telcoFixtures[locale], payment: telcoFixtures['en-GB'].payment};
		const dues = messageVariants.map((messageVariant) => telcoScript({...bill, messageVariant}).due);
		expect(new Set(dues.map((due) => JSON.stringify(due.lines))).size).toBe(3);
		// The control is the bill as it was before experiments: no extra line.
		expect(dues[0]).toEqual(telcoScript(bill).due);
		for (const due of dues.slice(1)) expect(due.lines).toContain(due.status);
		const captions = messageVariants.map((messageVariant) => captionsOf({template: 'telco-bill', bill: {...bill, messageVariant}}).join('\n'));
		expect(new Set(captions).size).toBe(3);
	});

	it.each(fixtureLocales)('give each wording of the reminder its own reassurance in %s', (locale) => {
		const reminder = reminderFixtures[locale];
		const overdue = messageVariants.map((messageVariant) => reminderScript({...reminder, messageVariant}).overdue);
		expect(new Set(overdue.map((scene) => scene.understanding)).size).toBe(3);
		const captions = messageVariants.map((messageVariant) => captionsOf({template: 'payment-reminder', bill: {...reminder, messageVariant}}));
		for (const [index, scene] of overdue.entries()) expect(captions[index]!.join('\n')).toContain(scene.understanding);
	});

	it('say nothing pushy on a bill that needs no payment', () => {
		const bill = telcoFixtures['en-GB'];
		const paid = {...bill, messageVariant: 'firm' as const, payment: {...bill.payment, status: 'paid' as const}};
		expect(telcoScript(paid).due.lines.join(' ')).not.toContain('good standing');
	});
});
