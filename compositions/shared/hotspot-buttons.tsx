import {useVideoConfig} from 'remotion';
import {useEntranceFrame} from './reduced-motion';
import {PAY_BUTTON_ENTRANCE} from '../../src/scene-motion';
import {startingIn, type SceneId, type Timeline} from '../../src/timeline';
import {settledSpring} from './settle';
import {FONT_FAMILY} from '../../src/font-family';
import {balanced, fitFontSize} from './theme';
import type {BrandPalette} from '../../src/palette';
import type {Rect} from '../../src/hotspot-geometry';

/** A box drawn exactly in a hotspot's rectangle, rounded like a button, grown in with the buttons' entrance. */
export const hotspotBoxStyle = (rect: Rect, scale: number): React.CSSProperties => ({
	position: 'absolute',
	left: rect.x,
	top: rect.y,
	width: rect.width,
	height: rect.height,
	boxSizing: 'border-box',
	borderRadius: rect.height / 2,
	display: 'flex',
	alignItems: 'center',
	justifyContent: 'center',
	transform: `scale(${scale})`,
});

/** How far the buttons have grown in, at this frame of their scene. */
export const useButtonEntrance = (): number => {
	const frame = useEntranceFrame();
	const {fps} = useVideoConfig();
	return settledSpring({frame, fps, durationInFrames: PAY_BUTTON_ENTRANCE, damping: 14});
};

/**
 * The scene's calls to action, each drawn exactly in its hotspot's rectangle with the hotspot's label, settled before
 * the hotspot becomes clickable. The first is the main action (accent colour), the rest are quieter white buttons.
 */
export const HotspotButtons: React.FC<{timeline: Timeline; scene: SceneId; palette: BrandPalette}> = ({timeline, scene, palette}) => {
	const scale = useButtonEntrance();
	const placed = timeline.scenes.find((s) => s.id === scene);
	if (!placed) return null;
	const hotspots = startingIn(timeline.hotspots, placed);
	return (
		<>
			{hotspots.map(({id, rect, label}, index) => {
				// Drawn inside the rectangle, padding and border included: a button wider than its hotspot (as it was, by about
				// 15 %) missed the clicks on its right and overlapped the next one.
				const padding = rect.height * 0.3;
				const border = Math.max(2, rect.height * 0.04);
				const textWidth = Math.min(rect.width * 0.86, rect.width - 2 * (padding + border));
				// A long label (a phone number) wraps onto two lines rather than shrinking out of legibility.
				const oneLine = fitFontSize(label, textWidth, rect.height * 0.36);
				const wrap = oneLine < rect.height * 0.26;
				return (
				<div
					key={id}
					data-non-text="hotspot"
					style={{
						...hotspotBoxStyle(rect, scale),
						background: index === 0 ? palette.accent : palette.card,
						color: index === 0 ? palette.onAccent : palette.ink,
						fontFamily: FONT_FAMILY,
						fontWeight: 700,
						fontSize: wrap ? fitFontSize(label, textWidth * 1.8, rect.height * 0.3) : oneLine,
						lineHeight: 1.1,
						textAlign: 'center',
						padding: `0 ${padding}px`,
						whiteSpace: wrap ? 'normal' : 'nowrap',
						...(wrap ? balanced : {}),
						border: `${border}px solid ${index === 0 ? palette.accentEdge : palette.cardEdge}`,
						boxShadow: '0 12px 32px rgba(0,0,0,0.25)',
					}}
				>
					{label}
				</div>
				);
			})}
		</>
	);
};
