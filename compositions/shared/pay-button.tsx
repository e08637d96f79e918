import {spring, useCurrentFrame, useVideoConfig} from 'remotion';
import type {Rect} from '../../src/hotspot-geometry';
import {PAY_BUTTON_ENTRANCE} from '../../src/scene-motion';
import {FONT_STACK, type Palette} from './theme';

/** Drawn exactly in the hotspot's rectangle; settles before the hotspot becomes clickable. */
export const PayButton: React.FC<{rect: Rect; label: string; palette: Palette}> = ({rect, label, palette}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const scale = spring({frame, fps, durationInFrames: PAY_BUTTON_ENTRANCE, config: {damping: 14}});
	return (
		<div
			style={{
				position: 'absolute',
				left: rect.x,
				top: rect.y,
				width: rect.width,
				height: rect.height,
				borderRadius: rect.height / 2,
				background: palette.accent,
				color: palette.onAccent,
				fontFamily: FONT_STACK,
				fontWeight: 700,
				fontSize: rect.height * 0.36,
				display: 'flex',
				alignItems: 'center',
				justifyContent: 'center',
				boxShadow: '0 12px 32px rgba(0,0,0,0.25)',
				transform: `scale(${scale})`,
			}}
		>
			{label}
		</div>
	);
};
