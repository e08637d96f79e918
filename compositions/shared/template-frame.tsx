import {AbsoluteFill, Sequence} from 'remotion';
import type {SceneId, Timeline} from '../../src/timeline';
import {FONT_STACK} from './theme';
import type {BrandPalette} from '../../src/palette';

/** The brand background and one Sequence per scene of the timeline, in the timeline's order and lengths. */
export const TemplateFrame: React.FC<{timeline: Timeline; palette: BrandPalette; scenes: Partial<Record<SceneId, React.ReactNode>>}> = ({
	timeline,
	palette,
	scenes,
}) => (
	<AbsoluteFill
		style={{
			fontFamily: FONT_STACK,
			// Korean wraps between words, not inside them.
			wordBreak: 'keep-all',
			overflowWrap: 'anywhere',
			background: `linear-gradient(150deg, ${palette.primary} 0%, ${palette.primary}E6 60%, #00000040 100%), ${palette.primary}`,
		}}
	>
		{timeline.scenes.map((scene) => (
			<Sequence key={scene.id} name={scene.id} from={scene.from} durationInFrames={scene.durationInFrames}>
				{scenes[scene.id]}
			</Sequence>
		))}
	</AbsoluteFill>
);
