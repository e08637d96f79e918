import {useVideoConfig} from 'remotion';
import type {DueScript} from '../../../src/scripts/common-scenes';
import type {Timeline} from '../../../src/timeline';
import {Fade} from '../fade';
import {HotspotButtons} from '../hotspot-buttons';
import {fitFontSize} from '../theme';
import {useUnit} from '../use-unit';
import type {BrandPalette} from '../../../src/palette';

/** The amount and when it is due, with the pay button; or, with nothing to pay, why not (paid, autopay, credit). */
export const DueScene: React.FC<{script: DueScript; timeline: Timeline; palette: BrandPalette}> = ({script, timeline, palette}) => {
	const u = useUnit();
	const {width, height} = useVideoConfig();
	// On tall frames the amount sits in the upper middle, between the top and the button, not pressed to the top.
	const top = width > height ? 100 * u : height * 0.2;
	return (
		<Fade style={{alignItems: 'center', color: palette.onPrimary, textAlign: 'center', padding: `${top}px ${56 * u}px 0`}}>
			<div style={{fontSize: 44 * u, fontWeight: 700}}>{script.title}</div>
			<div style={{fontSize: fitFontSize(script.amount, width - 112 * u, 120 * u), fontWeight: 800, lineHeight: 1.2}}>{script.amount}</div>
			{script.status ? <div style={{fontSize: 38 * u, marginTop: 36 * u, lineHeight: 1.3, maxWidth: 1000 * u}}>{script.status}</div> : null}
			<HotspotButtons timeline={timeline} scene="due" palette={palette} />
		</Fade>
	);
};
