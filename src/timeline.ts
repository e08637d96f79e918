import type {Bill} from './bill-schema';
import {groupByCategory} from './breakdown';
import {FPS, formatSizes, type VideoFormat} from './formats';
import {payButtonRect, type Rect} from './hotspot-geometry';
import {fill, messagesFor} from './i18n/catalogue';
import {formatMoney} from './money';
import {entranceFrames, PAY_BUTTON_ENTRANCE, SCENE_FADE} from './scene-motion';

export const sceneIds = ['greeting', 'total', 'breakdown', 'usage', 'due', 'close'] as const;
export type SceneId = (typeof sceneIds)[number];

export interface TimelineScene {
	readonly id: SceneId;
	readonly from: number;
	readonly durationInFrames: number;
}

/** Every call to action a video can carry; each is a real button or link in the player. */
export type HotspotKind = 'pay' | 'instalments' | 'call' | 'mail' | 'bill-pdf';

/** A stretch of frames that all look the same: a renderer may draw the first and repeat it. */
export interface StaticHold {
	readonly from: number;
	readonly durationInFrames: number;
}

export interface Hotspot {
	readonly id: string;
	readonly kind: HotspotKind;
	readonly from: number;
	readonly durationInFrames: number;
	readonly rect: Rect;
	/** Accessible name, e.g. "Pay €42.50 now". */
	readonly label: string;
	readonly href: string;
}

export interface Timeline {
	readonly fps: number;
	readonly width: number;
	readonly height: number;
	readonly durationInFrames: number;
	readonly scenes: readonly TimelineScene[];
	readonly hotspots: readonly Hotspot[];
	readonly staticHolds: readonly StaticHold[];
}

const seconds = (s: number): number => Math.round(s * FPS);

/** The bill asks the customer to pay now (due or overdue, and something owed). */
export const needsPayment = (bill: Bill): boolean =>
	(bill.payment.status === 'due' || bill.payment.status === 'overdue') && bill.amountDue > 0;

const sceneLengths = (bill: Bill): Array<[SceneId, number]> => {
	const categories = groupByCategory(bill.lineItems).length;
	const lengths: Array<[SceneId, number]> = [
		['greeting', seconds(3.5)],
		['total', seconds(5)],
	];
	if (categories > 0) lengths.push(['breakdown', seconds(4 + 0.5 * Math.min(categories, 7))]);
	if (bill.usage && (bill.usage.data || bill.usage.minutes || bill.usage.sms)) lengths.push(['usage', seconds(5)]);
	lengths.push(['due', seconds(needsPayment(bill) ? 7 : 5)], ['close', seconds(3)]);
	return lengths;
};

export interface BuildTimelineOptions {
	readonly bill: Bill;
	readonly format: VideoFormat;
}

/** The single source of scene placement and hotspots, read by the composition, the player overlay and the server. */
export const buildTimeline = ({bill, format}: BuildTimelineOptions): Timeline => {
	const size = formatSizes[format];
	let from = 0;
	const scenes = sceneLengths(bill).map(([id, durationInFrames]) => {
		const scene = {id, from, durationInFrames};
		from += durationInFrames;
		return scene;
	});
	const due = scenes.find((scene) => scene.id === 'due');
	const hotspots: Hotspot[] = [];
	if (due && needsPayment(bill) && bill.payment.payUrl) {
		const amount = formatMoney({minor: bill.amountDue, currency: bill.customer.currency, locale: bill.customer.locale});
		hotspots.push({
			id: 'pay',
			kind: 'pay',
			from: due.from + PAY_BUTTON_ENTRANCE,
			durationInFrames: due.durationInFrames - PAY_BUTTON_ENTRANCE,
			rect: payButtonRect(format, size),
			label: fill(messagesFor(bill.customer.locale).payHotspotLabel, {amount}),
			href: bill.payment.payUrl,
		});
	}
	const staticHolds = scenes
		.map((scene) => {
			const start = scene.from + Math.max(SCENE_FADE, entranceFrames(scene.id, bill));
			return {from: start, durationInFrames: scene.from + scene.durationInFrames - SCENE_FADE - start};
		})
		.filter((hold) => hold.durationInFrames > 1);
	return {fps: FPS, width: size.width, height: size.height, durationInFrames: from, scenes, hotspots, staticHolds};
};

export const sceneOf = (timeline: Timeline, id: SceneId): TimelineScene | undefined =>
	timeline.scenes.find((scene) => scene.id === id);
