import type {Hotspot} from './timeline';

/** The address a hotspot opens (tel: and mailto: added when the bill gives a bare number or address). */
export const hotspotHref = (hotspot: Hotspot): string => {
	if (hotspot.kind === 'call' && !hotspot.href.startsWith('tel:')) return `tel:${hotspot.href}`;
	if (hotspot.kind === 'mail' && !hotspot.href.startsWith('mailto:')) return `mailto:${hotspot.href}`;
	return hotspot.href;
};

/** Opens a document or another site rather than the phone or mail app. */
export const opensElsewhere = (hotspot: Hotspot): boolean => hotspot.kind === 'instalments' || hotspot.kind === 'bill-pdf';
