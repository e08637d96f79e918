import {scaleRect} from '../../src/hotspot-geometry';
import {hotspotHref, opensElsewhere} from '../../src/hotspot-links';
import type {Hotspot} from '../../src/timeline';

export const isHotspotVisible = (hotspot: Hotspot, frame: number): boolean =>
	frame >= hotspot.from && frame < hotspot.from + hotspot.durationInFrames;

/**
 * Real buttons and links over the video, on the very rectangles the composition draws, scaled to the player's size
 * and present only while their frames play. Pay is a button that opens the sheet; every other kind is a link that
 * does what it says (tel:, mailto:, the bill PDF, the instalment plan). A press goes to the player's `activate`
 * (`bill-player.tsx`), which opens the pay sheet (`pay-sheet.tsx`).
 */
export const HotspotOverlay: React.FC<{
	hotspots: readonly Hotspot[];
	frame: number;
	scale: number;
	linkTarget: string;
	onActivate: (hotspot: Hotspot) => void;
}> = ({hotspots, frame, scale, linkTarget, onActivate}) => {
	return (
		<div className="bc-overlay">
			{hotspots
				.filter((hotspot) => isHotspotVisible(hotspot, frame))
				.map((hotspot) => {
					const rect = scaleRect(hotspot.rect, scale);
					const style = {left: rect.x, top: rect.y, width: rect.width, height: rect.height};
					const common = {className: 'bc-hotspot', style, 'aria-label': hotspot.label, 'data-hotspot': hotspot.id};
					if (hotspot.kind === 'pay') {
						return (
							<button key={hotspot.id} type="button" {...common} onClick={() => onActivate(hotspot)}>
								{hotspot.label}
							</button>
						);
					}
					const external = opensElsewhere(hotspot);
					return (
						<a
							key={hotspot.id}
							{...common}
							href={hotspotHref(hotspot)}
							{...(external ? {target: linkTarget, rel: 'noopener'} : {})}
							{...(hotspot.kind === 'bill-pdf' ? {download: ''} : {})}
							onClick={() => onActivate(hotspot)}
						>
							{hotspot.label}
						</a>
					);
				})}
		</div>
	);
};
