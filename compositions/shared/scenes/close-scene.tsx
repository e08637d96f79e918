import {useVideoConfig} from 'remotion';
import {useEntranceFrame} from '../reduced-motion';
import {CLOSE_MOTION} from '../../../src/scene-motion';
import type {CloseScript} from '../../../src/scripts/common-scenes';
import type {Timeline} from '../../../src/timeline';
import {BrandLogo} from '../brand-logo';
import {Fade} from '../fade';
import {HotspotButtons} from '../hotspot-buttons';
import {settledSpring} from '../settle';
import {balanced, fitFontSize} from '../theme';
import {useUnit} from '../use-unit';
import type {BrandPalette} from '../../../src/palette';

export const CloseScene: React.FC<{script: CloseScript; timeline: Timeline; palette: BrandPalette; logoUrl: string | undefined}> = ({
	script,
	timeline,
	palette,
	logoUrl,
}) => {
	const frame = useEntranceFrame();
	const {fps, width} = useVideoConfig();
	const u = useUnit();
	const pop = settledSpring({frame, fps, durationInFrames: CLOSE_MOTION.pop});
	return (
		<Fade style={{justifyContent: 'center', alignItems: 'center', color: palette.onPrimary, textAlign: 'center', padding: 56 * u}}>
			<BrandLogo logoUrl={logoUrl} height={64} style={{alignSelf: 'center', marginBottom: 32 * u}} />
			<div
				style={{
					// A long brand name shrinks the thanks to about three lines instead of cutting it.
					fontSize: fitFontSize(script.title, (width - 112 * u) * 2.6, 52 * u),
					fontWeight: 800,
					lineHeight: 1.35,
					...balanced,
					transform: `scale(${0.9 + 0.1 * pop})`,
					marginBottom: script.buttons.length > 0 ? 220 * u : 0,
				}}
			>
				{script.title}
			</div>
			<HotspotButtons timeline={timeline} scene="close" palette={palette} />
		</Fade>
	);
};
