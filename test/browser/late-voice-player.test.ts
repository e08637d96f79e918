import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {timelineFor} from '../../src/render-input';
import {telcoFixtures} from '../../src/templates/telco-bill/telco-fixtures';
import {messagesFor} from '../../src/i18n/catalogue';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import type {WatchData} from '../../src/watch-data';
import {KEY_TAG} from '../../server/platform/redis-connection';
import {narrationJobId, narrationQueueName} from '../../server/voice/narration-queue';
import {launchChromium} from '../helpers/browser';
import {startNarrator} from '../helpers/narrator';
import {startTestStack, type TestStack} from '../helpers/test-stack';

const shotsDir = process.env.BILLCAST_VOICE_SHOTS_DIR ?? '/tmp/voice-shots';
mkdirSync(shotsDir, {recursive: true});

const narration = {status: 'on', voices: {}, musicBed: {status: 'generated'}} as const;
/** The narration's own <audio> in the live player. */
const NARRATION_AUDIO = 'billcast-player audio[src*="narration.m4a"]';

let stack: TestStack;
let browser: Browser;
let narrator: ReturnType<typeof startNarrator> | undefined;

beforeAll(async () => {
	browser = await launchChromium();
	// No worker: the narration is made only when the test starts its narration worker, after the pages are open.
	stack = await startTestStack({redisUrl: inject('redisUrl'), serveUrl: inject('serveUrl'), withWorker: false, tenant: {narration}});
});
afterAll(async () => {
	await narrator?.close();
	await browser?.close();
	await stack?.close();
});

const submit = async ({
	customerId,
	auth = stack.auth,
	bill = sampleTelcoBill,
	outputs,
}: {
	customerId: string;
	auth?: Record<string, string>;
	bill?: TelcoBill;
	outputs?: {mp4: 'on-demand'};
}) => {
	const response = await fetch(`${stack.baseUrl}/v1/renders`, {
		method: 'POST',
		headers: {'content-type': 'application/json', ...auth},
		body: JSON.stringify({template: 'telco-bill', bill: {...bill, customer: {...bill.customer, id: customerId}}, format: 'landscape', scale: 0.2, outputs}),
	});
	expect(response.status).toBe(202);
	const {id, links} = (await response.json()) as {id: string; links: {watch: string}};
	return {id, watch: links.watch, data: links.watch.replace('/w/', '/v1/watch/')};
};

const watchData = async (url: string): Promise<WatchData> => (await (await fetch(url)).json()) as WatchData;

const stateOf = (page: Page) => page.locator('.bc-root').getAttribute('data-state');
const frameOf = (page: Page) => page.locator('.bc-seek').evaluate((input) => Number((input as HTMLInputElement).value));
const player = (page: Page, action: 'pause' | 'play' | number) =>
	page.evaluate(async (act) => {
		const element = document.querySelector('billcast-player') as (HTMLElement & {pause(): Promise<void>; play(): Promise<void>; seekToFrame(f: number): Promise<void>}) | null;
		if (typeof act === 'number') await element?.seekToFrame(act);
		else await element?.[act]();
	}, action);

/** Nothing to hear yet: the note where the sound toggle will be, no toggle, no narration track; captions on. */
const expectVoicePending = async (page: Page) => {
	const note = page.locator('.bc-voice-pending');
	await note.waitFor({state: 'visible'});
	expect([await note.getAttribute('role'), await note.textContent()]).toEqual(['status', 'Voice on its way']);
	expect(await page.getByRole('button', {name: 'Turn sound on'}).count()).toBe(0);
	expect(await page.locator(NARRATION_AUDIO).count()).toBe(0);
	expect(await page.getByRole('button', {name: 'Captions', exact: true}).getAttribute('aria-pressed')).toBe('true');
};

/** One press on "Turn sound on" and the narration is heard: unmuted, playing, its time moving. */
const turnSoundOn = async (page: Page) => {
	const sound = page.getByRole('button', {name: 'Turn sound on'});
	expect(await page.locator(NARRATION_AUDIO).evaluate((audio) => (audio as HTMLAudioElement).muted)).toBe(true);
	await sound.click();
	await expect.poll(() => page.locator('.bc-sound').textContent()).toBe('Turn sound off');
	const unmuted = await page.waitForFunction((css) => {
		const media = document.querySelector<HTMLMediaElement>(css);
		return media && !media.muted && !media.paused ? media.currentTime : undefined;
	}, NARRATION_AUDIO);
	const from = (await unmuted.jsonValue()) as number;
	await page.waitForFunction(({css, after}) => (document.querySelector<HTMLMediaElement>(css)?.currentTime ?? 0) > after + 0.5, {css: NARRATION_AUDIO, after: from});
};

describe('a voice that comes after the page opened', () => {
	it('the open player takes it up without a reload: same place (its scene start), same play state, "Turn sound on" and captions work', async () => {
		const {watch, data} = await submit({customerId: 'CUST-LATE-VOICE'});
		const silent = await watchData(data);
		expect([silent.narrationPending, silent.narration]).toEqual([true, undefined]);

		const desktop = await browser.newPage({viewport: {width: 1280, height: 800}});
		const phone = await browser.newPage({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
		try {
			await desktop.goto(watch);
			// MP4 mode before the MP4 exists plays the live player, which waits for the voice the same way.
			await phone.goto(`${watch}?player=mp4`);
			await expectVoicePending(desktop);
			await expectVoicePending(phone);
			// The desktop viewer paused in the usage scene; the phone one watches on.
			const usage = (watchData: WatchData) => timelineFor({...watchData, format: 'landscape'}).scenes.find((scene) => scene.id === 'usage')!;
			await desktop.waitForFunction(() => document.querySelector('.bc-root')?.getAttribute('data-state') === 'playing');
			await player(desktop, 'pause');
			await player(desktop, usage(silent).from + 20);
			await expect.poll(() => frameOf(desktop), {timeout: 10_000}).toBe(usage(silent).from + 20);
			await expect.poll(() => stateOf(desktop), {timeout: 10_000}).toBe('paused');
			await phone.waitForFunction(() => document.querySelector('.bc-root')?.getAttribute('data-state') === 'playing');
			await desktop.screenshot({path: join(shotsDir, 'late-voice-desktop-pending.png')});
			await phone.screenshot({path: join(shotsDir, 'late-voice-phone-pending.png')});

			narrator = startNarrator({stack, narration});
			await expect.poll(async () => (await watchData(data)).narration !== undefined, {timeout: 120_000, interval: 250}).toBe(true);
			const spoken = await watchData(data);
			expect(spoken.narrationPending).toBeUndefined();
			// From the start again, so the silent video is still playing when the page next asks (at most 20 s later).
			await player(phone, 0);

			for (const page of [desktop, phone]) await page.waitForFunction((css) => document.querySelector(css) !== null, NARRATION_AUDIO, {timeout: 60_000});

			// The paused viewer is at the start of the usage scene as the voice sized it, still paused.
			expect(usage(spoken).from).not.toBe(usage(silent).from);
			await expect.poll(() => frameOf(desktop), {timeout: 10_000}).toBe(usage(spoken).from);
			expect(await stateOf(desktop)).toBe('paused');
			expect(await desktop.locator('.bc-voice-pending').count()).toBe(0);
			// Screen readers hear that it came and which control plays it.
			expect(await desktop.locator('.bc-announce[role="status"]').textContent()).toBe('The voice is ready: press Turn sound on to hear it');
			expect(await desktop.getByRole('button', {name: 'Captions', exact: true}).getAttribute('aria-pressed')).toBe('true');
			await player(desktop, 'play');
			// Still muted, so captioned: the scene's words, cued to the voice's timings.
			await expect.poll(async () => (await desktop.locator('.bc-caption').textContent()) ?? '', {timeout: 10_000}).not.toBe('');
			await turnSoundOn(desktop);
			await desktop.screenshot({path: join(shotsDir, 'late-voice-desktop-narrated.png')});

			// The phone viewer watched on and still does, now with a toggle on screen.
			expect(await stateOf(phone)).toBe('playing');
			const sound = phone.getByRole('button', {name: 'Turn sound on'});
			const box = (await sound.boundingBox())!;
			expect(box.x + box.width).toBeLessThanOrEqual(390);
			await turnSoundOn(phone);
			await phone.screenshot({path: join(shotsDir, 'late-voice-phone-narrated.png')});
		} finally {
			await Promise.all([desktop.close(), phone.close()]);
			// Later bills stay waiting for their voice.
			await narrator?.close();
			narrator = undefined;
		}
	});

	it('says so in the bill\'s language, within the control bar on a phone', async () => {
		for (const locale of ['it-IT', 'ko-KR'] as const) {
			const {watch} = await submit({customerId: `CUST-LATE-${locale}`, bill: telcoFixtures[locale]});
			const page = await browser.newPage({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
			try {
				await page.goto(watch);
				const note = page.locator('.bc-voice-pending');
				await note.waitFor({state: 'visible'});
				expect(await note.textContent()).toBe(messagesFor(locale).player.voiceOnItsWay);
				const [bar, box] = [(await page.locator('.bc-controls').boundingBox())!, (await note.boundingBox())!];
				expect(box.x + box.width).toBeLessThanOrEqual(bar.x + bar.width);
				expect(box.y + box.height).toBeLessThanOrEqual(bar.y + bar.height);
				await page.screenshot({path: join(shotsDir, `late-voice-phone-${locale}-pending.png`)});
			} finally {
				await page.close();
			}
		}
	});

	it('a video that will stay silent (its tenant has narration off) says nothing is coming', async () => {
		const {watch, data} = await submit({customerId: 'CUST-NEVER-SPEAKS', auth: stack.otherAuth});
		const silent = await watchData(data);
		expect([silent.narrationPending, silent.narration]).toEqual([undefined, undefined]);
		const page = await browser.newPage({viewport: {width: 1280, height: 800}});
		try {
			await page.goto(watch);
			await page.getByRole('button', {name: 'Captions', exact: true}).waitFor({state: 'visible'});
			expect(await page.locator('.bc-voice-pending').count()).toBe(0);
			expect(await page.getByRole('button', {name: 'Turn sound on'}).count()).toBe(0);
			expect(await page.locator('.bc-announce').textContent()).toBe('');
		} finally {
			await page.close();
		}
	});

	it('the watch data says the voice is pending only while it can still come', async () => {
		const pendingOf = async (url: string) => (await watchData(url)).narrationPending;
		const {id, data} = await submit({customerId: 'CUST-PENDING-STATES'});
		expect(await pendingOf(data)).toBe(true);
		await stack.store.markRendering(id, 0.4, 1);
		expect(await pendingOf(data)).toBe(true);
		// A failed render never speaks (a voice that could not be made fails the render with its reason).
		await stack.store.markFailed(id, {code: 'speech_failed', message: 'the engine failed'});
		expect(await pendingOf(data)).toBeUndefined();
	});

	it('an on-demand video is narrated when its link is first watched: one job, then it speaks with no MP4 rendered', async () => {
		const onDemand = await submit({customerId: 'CUST-PENDING-ON-DEMAND', outputs: {mp4: 'on-demand'}});
		const job = `${KEY_TAG}:${narrationQueueName(stack.queue.queue.name)}:${narrationJobId(onDemand.id)}`;
		expect(await stack.redis.exists(job)).toBe(0);
		const waiting = () => stack.redis.llen(`${KEY_TAG}:${narrationQueueName(stack.queue.queue.name)}:wait`);
		expect((await watchData(onDemand.data)).narrationPending).toBe(true);
		expect(await stack.redis.exists(job)).toBe(1);
		const queued = await waiting();
		// Asked again before it is made: the same job, not a second one.
		expect((await watchData(onDemand.data)).narrationPending).toBe(true);
		expect(await waiting()).toBe(queued);
		narrator = startNarrator({stack, narration});
		try {
			await expect.poll(async () => (await watchData(onDemand.data)).narration !== undefined, {timeout: 120_000, interval: 250}).toBe(true);
			const spoken = await watchData(onDemand.data);
			expect(spoken.narrationPending).toBeUndefined();
			expect((await fetch(new URL(spoken.narration!.audioSrc, stack.baseUrl), {headers: {range: 'bytes=0-1'}})).status).toBe(206);
			expect((await stack.store.get(onDemand.id))?.status).toBe('on-demand');
		} finally {
			await narrator.close();
			narrator = undefined;
		}
	});

	it('an on-demand video whose narration failed says nothing is coming, rather than pending for ever', async () => {
		const onDemand = await submit({customerId: 'CUST-VOICE-FAILS', outputs: {mp4: 'on-demand'}});
		expect((await watchData(onDemand.data)).narrationPending).toBe(true);
		// A voice this machine does not have: the narration job fails (its one attempt).
		narrator = startNarrator({stack, narration: {status: 'on', voices: {en: {engine: 'festival', voice: 'no_such_voice'}}, musicBed: {status: 'generated'}}});
		try {
			await expect.poll(async () => (await watchData(onDemand.data)).narrationPending, {timeout: 60_000, interval: 250}).toBeUndefined();
			expect((await watchData(onDemand.data)).narration).toBeUndefined();
		} finally {
			await narrator.close();
			narrator = undefined;
		}
	});
});
