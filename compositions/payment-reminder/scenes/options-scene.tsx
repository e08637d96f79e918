import {useVideoConfig} from 'remotion';
import {asksForMoney} from '../../../src/paid-state';
import type {OptionsScript} from '../../../src/templates/payment-reminder/reminder-script';
import {startingIn, type Timeline} from '../../../src/timeline';
import {Appear} from '../../shared/appear';
import {Fade} from '../../shared/fade';
import {HotspotButtons, hotspotBoxStyle, useButtonEntrance} from '../../shared/hotspot-buttons';
import {fitFontSize} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

/**
 * Once paid, the word "Paid" outlined where each button asking for money was: the timeline keeps those hotspots (the
 * voice was made for it) and the player stamps the same word over them, so the place reads the same with or without it.
 */
const PaidMarks: React.FC<{timeline: Timeline; label: string; palette: BrandPalette}> = ({timeline, label, palette}) => {
	const scale = useButtonEntrance();
	const placed = timeline.scenes.find((scene) => scene.id === 'options');
	if (!placed) return null;
	return (
		<>
			{startingIn(timeline.hotspots, placed)
				.filter(asksForMoney)
				.map(({id, rect}) => (
					<div
						key={id}
						data-non-text="hotspot"
						style={{
							...hotspotBoxStyle(rect, scale),
							border: `${Math.max(2, rect.height * 0.05)}px solid ${palette.onPrimary}`,
							color: palette.onPrimary,
							fontWeight: 800,
							fontSize: fitFontSize(label, rect.width * 0.8, rect.height * 0.4),
						}}
					>
						{label}
					</div>
				))}
		</>
	);
};

/**
 * The amount and the ways forward, each a hotspot: pay in full, an instalment plan when there is one, or a call. Once
 * paid (`paidLabel`), the amount settled, the call, and "Paid" where the buttons asking for money were.
 */
export const OptionsScene: React.FC<{script: OptionsScript; timeline: Timeline; palette: BrandPalette; paidLabel?: string | undefined}> = ({
	script,
	timeline,
	palette,
	paidLabel,
}) => {
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
			{paidLabel === undefined ? (
				<HotspotButtons timeline={timeline} scene="options" palette={palette} />
			) : (
				<>
					<HotspotButtons timeline={{...timeline, hotspots: timeline.hotspots.filter((hotspot) => !asksForMoney(hotspot))}} scene="options" palette={palette} />
					<PaidMarks timeline={timeline} label={paidLabel} palette={palette} />
				</>
			)}
		</Fade>
	);
};
