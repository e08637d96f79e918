import {useVideoConfig} from 'remotion';
import type {OptionsScript} from '../../../src/templates/payment-reminder/reminder-script';
import type {Timeline} from '../../../src/timeline';
import {Appear} from '../../shared/appear';
import {Fade} from '../../shared/fade';
import {HotspotButtons} from '../../shared/hotspot-buttons';
import {fitFontSize} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

/** The amount and the ways forward, each a hotspot: pay in full, an instalment plan when there is one, or a call. */
export const OptionsScene: React.FC<{script: OptionsScript; timeline: Timeline; palette: BrandPalette}> = ({script, timeline, palette}) => {
	const u = useUnit();
	const {width} = useVideoConfig();
	return (
		<Fade style={{alignItems: 'center', textAlign: 'center', padding: `${120 * u}px ${56 * u}px 0`}}>
			<Appear index={0} style={{fontSize: 52 * u, fontWeight: 800, color: palette.onPrimary}}>
				{script.title}
			</Appear>
			<Appear index={1} style={{fontSize: fitFontSize(script.amount, width - 112 * u, 96 * u), fontWeight: 800, color: palette.onPrimary}}>
				{script.amount}
			</Appear>
			<HotspotButtons timeline={timeline} scene="options" palette={palette} />
		</Fade>
	);
};
