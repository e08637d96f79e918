import {FPS, formatSizes, type VideoFormat} from './formats';
import {ctaRects, type Rect} from './hotspot-geometry';
import {fill, messagesFor} from './i18n/catalogue';
import {readingSeconds} from './reading-pace';
import type {hotspotKinds} from './hotspot-manifest';
import type {SceneId} from './scene-ids';
import {PAY_BUTTON_ENTRANCE, SCENE_FADE} from './scene-motion';
import type {SceneScript} from './scripts/script-types';
import {needsPayment} from './needs-payment';
import {secondsForSpeech, type SceneSpeech} from './narration/speech-timing';

export type {SceneId} from './scene-ids';

export interface TimelineScene {
	readonly id: SceneId;
	readonly from: number;
	readonly durationInFrames: number;
}

/** Every call to action a video can carry; each is a real button or link in the player. */
export type HotspotKind = (typeof hotspotKinds)[number];

/** A stretch of frames that all look the same: a renderer may draw the first and repeat it. */
interface StaticHold {
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
	/** The frame that sums the video up, rendered as the poster image for emails and previews. */
	readonly posterFrame: number;
}

/** A scene as a template plans it: how long it plays and how many frames its entrance animation takes. */
export interface SceneSpec {
	readonly id: SceneId;
	readonly seconds: number;
	readonly entrance: number;
}

/** A call to action shown in a scene; scenes with several lay them out together with `ctaRects`. */
export interface CtaSpec {
	readonly scene: SceneId;
	readonly kind: HotspotKind;
	readonly label: string;
	readonly href: string;
}

const seconds = (s: number): number => Math.round(s * FPS);

/**
 * Places scenes back to back (each long enough to read its captions and to say its narration), their calls to action as hotspots that open once the buttons have settled, and a static
 * hold in each scene from the end of its entrance (or its buttons') to the start of its fade-out.
 */
/** The items (hotspots, still holds) that start within `scene`: what the scene draws and what its cached frames hold. */
export const startingIn = <T extends {readonly from: number}>(items: readonly T[], scene: {readonly from: number; readonly durationInFrames: number}): T[] =>
	items.filter((item) => item.from >= scene.from && item.from < scene.from + scene.durationInFrames);

export const assembleTimeline = ({
	format,
	scenes: specs,
	ctas,
	posterScene,
	script,
	speech = [],
}: {
	format: VideoFormat;
	scenes: readonly SceneSpec[];
	ctas: readonly CtaSpec[];
	posterScene: SceneId;
	/** The scenes' words: a scene plays at least as long as its captions take to read. */
	script: Partial<Record<SceneId, SceneScript>>;
	/** Measured narration, when the video speaks: a scene plays at least as long as its speech with its lead-in and tail. */
	speech?: readonly SceneSpeech[];
}): Timeline => {
	const size = formatSizes[format];
	let from = 0;
	const scenes = specs.map(({id, seconds: length}) => {
		const reading = Math.ceil(readingSeconds(script[id]?.lines ?? []) * FPS);
		const said = speech.find((scene) => scene.sceneId === id);
		const speaking = said ? Math.ceil(secondsForSpeech(said) * FPS) : 0;
		const scene = {id, from, durationInFrames: Math.max(seconds(length), reading, speaking)};
		from += scene.durationInFrames;
		return scene;
	});
	const hotspots = scenes.flatMap((scene) => {
		const inScene = ctas.filter((cta) => cta.scene === scene.id);
		const rects = ctaRects(format, size, inScene.length);
		return inScene.map(
			(cta, index): Hotspot => ({
				id: cta.kind,
				kind: cta.kind,
				from: scene.from + PAY_BUTTON_ENTRANCE,
				durationInFrames: scene.durationInFrames - PAY_BUTTON_ENTRANCE,
				rect: rects[index]!,
				label: cta.label,
				href: cta.href,
			}),
		);
	});
	const staticHolds = scenes.map((scene, index) => {
		const hasButtons = ctas.some((cta) => cta.scene === scene.id);
		const settled = Math.max(SCENE_FADE, specs[index]!.entrance, hasButtons ? PAY_BUTTON_ENTRANCE : 0);
		const start = scene.from + settled;
		return {from: start, durationInFrames: scene.from + scene.durationInFrames - SCENE_FADE - start};
	});
	const poster = scenes.findIndex((scene) => scene.id === posterScene);
	const posterFrame = poster >= 0 ? staticHolds[poster]!.from : Math.floor(from / 2);
	return {
		fps: FPS,
		width: size.width,
		height: size.height,
		durationInFrames: from,
		scenes,
		hotspots,
		staticHolds: staticHolds.filter((hold) => hold.durationInFrames > 1),
		posterFrame,
	};
};

/** The scene playing at `frame`: the last to have started by then. */
const sceneAt = (timeline: Timeline, frame: number) => timeline.scenes.filter((scene) => scene.from <= frame).at(-1);

/**
 * Where a viewer at `frame` of `from` goes on in `to`, the same bill's timeline sized again (its narration arrived, and
 * any scene may now last longer or shorter): the start of the scene they were in, so it is heard from its first word.
 */
export const sceneStartAcross = ({from, to, frame}: {from: Timeline; to: Timeline; frame: number}): number => {
	const playing = sceneAt(from, frame) ?? from.scenes[0];
	return to.scenes.find((scene) => scene.id === playing?.id)?.from ?? 0;
};

/**
 * The same moment of the same scene in `to`, the bill's timeline sized again: as far into the scene, proportionally, as
 * `frame` is in `from`. Undefined for a scene `to` does not have.
 */
export const frameAcross = ({from, to, frame}: {from: Timeline; to: Timeline; frame: number}): number | undefined => {
	const playing = sceneAt(from, frame);
	const same = playing && to.scenes.find((scene) => scene.id === playing.id);
	if (!playing || !same) return undefined;
	// In whole frames: a share taken as a float first (frame / length × length) came out a frame early for about one
	// frame in ten, even between scenes of the same length.
	const into = Math.floor(((frame - playing.from) * same.durationInFrames) / playing.durationInFrames);
	return same.from + Math.min(same.durationInFrames - 1, into);
};

/** The "email us" button of the thanks, when the brand has an address. */
export const mailCta = (brand: {supportEmail?: string | undefined}, locale: string): CtaSpec[] =>
	brand.supportEmail ? [{scene: 'close', kind: 'mail', label: messagesFor(locale).emailUs, href: `mailto:${brand.supportEmail}`}] : [];

/** The pay, "view the bill" and "email us" calls to action that telco and utility bills share. */
export const billCtas = (
	bill: {
		amountDue: number;
		billPdfUrl?: string | undefined;
		payment: {status: string; payUrl?: string | undefined};
		brand: {supportEmail?: string | undefined};
	},
	money: string,
	locale: string,
): CtaSpec[] => {
	const messages = messagesFor(locale);
	const ctas: CtaSpec[] = [];
	if (needsPayment({status: bill.payment.status, amountDue: bill.amountDue}) && bill.payment.payUrl) {
		ctas.push({scene: 'due', kind: 'pay', label: fill(messages.payHotspotLabel, {amount: money}), href: bill.payment.payUrl});
	}
	if (bill.billPdfUrl) ctas.push({scene: 'close', kind: 'bill-pdf', label: messages.viewBill, href: bill.billPdfUrl});
	return [...ctas, ...mailCta(bill.brand, locale)];
};
