import {describe, expect, it} from 'vitest';
import {formatSizes, videoFormats} from '../../src/formats';
import {ctaRects} from '../../src/hotspot-geometry';
import {computeRenderInput} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {PAY_BUTTON_ENTRANCE, SCENE_FADE} from '../../src/scene-motion';
import {buildTelcoTimeline} from '../../src/templates/telco-bill/telco-timeline';

describe('buildTelcoTimeline', () => {
	const timeline = buildTelcoTimeline({bill: sampleTelcoBill, format: 'landscape'});

	it('places the scenes back to back in reading order', () => {
		expect(timeline.scenes.map((scene) => scene.id)).toEqual(['greeting', 'total', 'breakdown', 'usage', 'due', 'close']);
		let expected = 0;
		for (const scene of timeline.scenes) {
			expect(scene.from).toBe(expected);
			expected += scene.durationInFrames;
		}
		expect(timeline.durationInFrames).toBe(expected);
		expect(timeline.durationInFrames / timeline.fps).toBeGreaterThan(25);
		expect(timeline.durationInFrames / timeline.fps).toBeLessThan(45);
	});

	it('gives the sample bill one pay hotspot inside the due scene, labelled with the amount', () => {
		const due = timeline.scenes.find((scene) => scene.id === 'due')!;
		expect(timeline.hotspots.map((hotspot) => hotspot.kind)).toEqual(['pay', 'bill-pdf', 'mail']);
		const pay = timeline.hotspots[0]!;
		expect(pay).toMatchObject({kind: 'pay', label: 'Pay €68.40 now', href: sampleTelcoBill.payment.payUrl});
		expect(pay.from).toBe(due.from + PAY_BUTTON_ENTRANCE);
		expect(pay.from + pay.durationInFrames).toBe(due.from + due.durationInFrames);
	});

	it('offers to email the brand in the thanks, beside the bill PDF and never on top of it', () => {
		const close = timeline.scenes.find((scene) => scene.id === 'close')!;
		const [pdf, mail] = timeline.hotspots.filter((hotspot) => hotspot.from >= close.from);
		expect(mail).toMatchObject({kind: 'mail', label: 'Email us', href: 'mailto:help@aurora-mobile.example'});
		expect(mail!.rect.x >= pdf!.rect.x + pdf!.rect.width || mail!.rect.y >= pdf!.rect.y + pdf!.rect.height).toBe(true);
		const {brand} = sampleTelcoBill;
		const withoutMail = buildTelcoTimeline({bill: {...sampleTelcoBill, brand: {...brand, supportEmail: undefined}}, format: 'landscape'});
		expect(withoutMail.hotspots.map((hotspot) => hotspot.kind)).toEqual(['pay', 'bill-pdf']);
	});

	it('keeps landscape calls to action out of the bottom quarter, where a phone-sized player draws its controls', () => {
		for (const count of [1, 2, 3]) {
			for (const rect of ctaRects('landscape', formatSizes.landscape, count)) {
				expect(rect.y + rect.height).toBeLessThanOrEqual(formatSizes.landscape.height * 0.72);
			}
		}
	});

	it('keeps the pay button inside the frame, centred, in every format', () => {
		for (const format of videoFormats) {
			const {width, height} = formatSizes[format];
			const {rect} = buildTelcoTimeline({bill: sampleTelcoBill, format}).hotspots[0]!;
			expect(rect.x).toBeGreaterThanOrEqual(0);
			expect(rect.y).toBeGreaterThanOrEqual(0);
			expect(rect.x + rect.width).toBeLessThanOrEqual(width);
			expect(rect.y + rect.height).toBeLessThanOrEqual(height);
			expect(Math.abs(rect.x + rect.width / 2 - width / 2)).toBeLessThanOrEqual(1);
		}
	});

	it('has no pay hotspot when nothing is owed or the bill is paid', () => {
		const kinds = (bill: typeof sampleTelcoBill) => buildTelcoTimeline({bill, format: 'landscape'}).hotspots.map((hotspot) => hotspot.kind);
		expect(kinds({...sampleTelcoBill, payment: {status: 'paid'}})).toEqual(['bill-pdf', 'mail']);
		expect(kinds({...sampleTelcoBill, amountDue: 0, lineItems: [], billPdfUrl: undefined})).toEqual(['mail']);
	});

	it('leaves out the breakdown and usage scenes when the bill has no data for them', () => {
		const bare = {...sampleTelcoBill, lineItems: [], usage: undefined};
		expect(buildTelcoTimeline({bill: bare, format: 'landscape'}).scenes.map((s) => s.id)).toEqual(['greeting', 'total', 'due', 'close']);
	});

	it('feeds the same numbers to the renderer and the player', () => {
		const input = computeRenderInput({template: 'telco-bill', bill: sampleTelcoBill, format: 'portrait'});
		expect(input.compositionId).toBe('telco-bill-portrait');
		expect(input.durationInFrames).toBe(input.timeline.durationInFrames);
		expect([input.width, input.height]).toEqual([1080, 1920]);
	});
});

describe('static holds', () => {
	it('mark the still stretch of every scene, after its entrance and before its fade-out', () => {
		const timeline = buildTelcoTimeline({bill: sampleTelcoBill, format: 'landscape'});
		expect(timeline.staticHolds.length).toBe(timeline.scenes.length);
		timeline.staticHolds.forEach((hold, index) => {
			const scene = timeline.scenes[index]!;
			expect(hold.from).toBeGreaterThanOrEqual(scene.from + SCENE_FADE);
			expect(hold.from + hold.durationInFrames).toBe(scene.from + scene.durationInFrames - SCENE_FADE);
		});
		const pay = timeline.hotspots[0]!;
		const dueHold = timeline.staticHolds[timeline.scenes.findIndex((s) => s.id === 'due')]!;
		expect(dueHold.from).toBe(pay.from);
		const still = timeline.staticHolds.reduce((sum, hold) => sum + hold.durationInFrames, 0);
		expect(still / timeline.durationInFrames).toBeGreaterThan(0.5);
	});
});
