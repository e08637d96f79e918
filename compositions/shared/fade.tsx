import {AbsoluteFill, interpolate, useCurrentFrame, useVideoConfig} from 'remotion';
import {SCENE_FADE as FADE} from '../../src/scene-motion';

/** Fades a scene in and out at its edges so cuts between scenes are soft. */
export const Fade: React.FC<{children: React.ReactNode; style?: React.CSSProperties}> = ({children, style}) => {
	const frame = useCurrentFrame();
	const {durationInFrames} = useVideoConfig();
	const opacity = interpolate(frame, [0, FADE, durationInFrames - FADE, durationInFrames], [0, 1, 1, 0], {
		extrapolateLeft: 'clamp',
		extrapolateRight: 'clamp',
	});
	return <AbsoluteFill style={{opacity, ...style}}>{children}</AbsoluteFill>;
};
