import {AbsoluteFill, Html5Audio, Sequence, useRemotionEnvironment} from 'remotion';
import type {VideoNarration} from '../../src/narration/speech-timing';
import type {SceneId, Timeline} from '../../src/timeline';
import {FONT_FAMILY} from '../../src/font-family';
import type {BrandPalette} from '../../src/palette';

/**
 * The brand background, one Sequence per scene of the timeline, in the timeline's order and lengths, and the narration
 * track when the video speaks. The worker draws frames only (renderFrames, its own encoder) and muxes that same mixed
 * file into the MP4, so the track plays here only outside rendering: in the player and the Studio.
 */
export const TemplateFrame: React.FC<{
	timeline: Timeline;
	palette: BrandPalette;
	scenes: Partial<Record<SceneId, React.ReactNode>>;
	narration?: VideoNarration | undefined;
}> = ({timeline, palette, scenes, narration}) => {
	const {isRendering} = useRemotionEnvironment();
	return (
		<AbsoluteFill
			style={{
				fontFamily: FONT_FAMILY,
				// Korean wraps between words, not inside them.
				wordBreak: 'keep-all',
				overflowWrap: 'anywhere',
				// Every text inherits it: a wrapped text never leaves one word alone on its last line ("Scegli la soluzione per / te").
				textWrap: 'pretty',
				background: `linear-gradient(150deg, ${palette.primary} 0%, ${palette.primary}E6 60%, #00000040 100%), ${palette.primary}`,
			}}
		>
			{timeline.scenes.map((scene) => (
				<Sequence key={scene.id} name={scene.id} from={scene.from} durationInFrames={scene.durationInFrames}>
					{scenes[scene.id]}
				</Sequence>
			))}
			{narration && !isRendering ? <Html5Audio src={narration.audioSrc} /> : null}
		</AbsoluteFill>
	);
};
