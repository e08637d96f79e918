import {allSceneIds} from '../../src/templates/registry';
import type {HotspotKind} from '../../src/timeline';

export const deviceClasses = ['phone', 'desktop'] as const;
export type DeviceClass = (typeof deviceClasses)[number];

/** Phones and tablets are both "phone": a touch screen held in the hand, where the video is watched small. */
export const deviceClassOf = (userAgent: string | undefined): DeviceClass =>
	/Mobi|Android|iPhone|iPad|iPod|Tablet/i.test(userAgent ?? '') ? 'phone' : 'desktop';

const hotspotKinds: readonly HotspotKind[] = ['pay', 'instalments', 'call', 'mail', 'bill-pdf'];
export type ClickKind = HotspotKind | 'page-pay' | 'other';

/** Hotspot ids are their kinds; the watch page's own pay button reports itself as `page`. */
export const hotspotKindOf = (hotspot: string | undefined): ClickKind => {
	if (hotspot === 'page') return 'page-pay';
	return hotspotKinds.find((kind) => kind === hotspot) ?? 'other';
};

/** Upper bounds of the waits from sending to opening or paying, as a small histogram a chart can show. */
export const waitBuckets = [
	['1h', 3_600],
	['6h', 6 * 3_600],
	['1d', 86_400],
	['3d', 3 * 86_400],
	['7d', 7 * 86_400],
	['later', Infinity],
] as const;
export type WaitBucket = (typeof waitBuckets)[number][0];

export const waitBucketOf = (seconds: number): WaitBucket => waitBuckets.find(([, bound]) => seconds < bound)![0];

/** What a viewer event may name as the scene it was sent from. */
export {allSceneIds};
