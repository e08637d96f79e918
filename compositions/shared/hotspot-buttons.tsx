import {useCurrentFrame, useVideoConfig} from 'remotion';
import {PAY_BUTTON_ENTRANCE} from '../../src/scene-motion';
import type {SceneId, Timeline} from '../../src/timeline';
import {settledSpring} from './settle';
import {FONT_STACK, fitFontSize, type Palette} from './theme';

/**
 * The scene's calls to action, each drawn exactly in its hotspot's rectangle with the hotspot's label, settled before
 * the hotspot becomes clickable. The first is the main action (accent colour), the rest are quieter white buttons.
 */
export const HotspotButtons: React.FC<{timeline: Timeline; scene: SceneId; palette: Palette}> = ({timeline, scene, palette}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const placed = timeline.scenes.find((s) => s.id === scene);
	if (!placed) return null;
	const hotspots = timeline.hotspots.filter((h) => h.from >= placed.from && h.from < placed.from + placed.durationInFrames);
	const scale = settledSpring({frame, fps, durationInFrames: PAY_BUTTON_ENTRANCE, damping: 14});
	return (
		<>
			{hotspots.map(({id, rect, label}, index) => (
				<div
					key={id}
					style={{
						position: 'absolute',
						left: rect.x,
						top: rect.y,
						width: rect.width,
						height: rect.height,
						borderRadius: rect.height / 2,
						background: index === 0 ? palette.accent : palette.card,
						color: index === 0 ? palette.onAccent : palette.ink,
						fontFamily: FONT_STACK,
						fontWeight: 700,
						fontSize: fitFontSize(label, rect.width * 0.86, rect.height * 0.36),
						display: 'flex',
						alignItems: 'center',
						justifyContent: 'center',
						whiteSpace: 'nowrap',
						boxShadow: '0 12px 32px rgba(0,0,0,0.25)',
						transform: `scale(${scale})`,
					}}
				>
					{label}
				</div>
			))}
		</>
	);
};
