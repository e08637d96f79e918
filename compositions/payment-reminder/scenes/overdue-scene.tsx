import {Fragment} from 'react';
import {useVideoConfig} from 'remotion';
import type {OverdueScript} from '../../../src/templates/payment-reminder/reminder-script';
import {Appear} from '../../shared/appear';
import {Fade} from '../../shared/fade';
import {fitFontSize} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

/** The facts, calmly: the amount, since when, and an offer to help. Five lines, as OVERDUE_LINES says. */
export const OverdueScene: React.FC<{script: OverdueScript; palette: BrandPalette}> = ({script, palette}) => {
	const u = useUnit();
	const {width} = useVideoConfig();
	return (
		<Fade style={{justifyContent: 'center', alignItems: 'center', textAlign: 'center', color: palette.onPrimary, padding: 56 * u, gap: 12 * u}}>
			<Appear index={0} style={{fontSize: 40 * u, fontWeight: 700}}>
				{script.title}
			</Appear>
			<Appear index={1} style={{fontSize: fitFontSize(script.amount, width - 112 * u, 120 * u), fontWeight: 800, lineHeight: 1.2}}>
				{script.amount}
			</Appear>
			<Appear index={2} style={{fontSize: 32 * u}}>
				{script.wasDue}
			</Appear>
			<Appear
				index={3}
				style={{fontSize: 30 * u, fontWeight: 700, background: palette.card, color: palette.ink, borderRadius: 28 * u, padding: `${8 * u}px ${28 * u}px`}}
			>
				{script.daysLate.map((part, index) => (
					<Fragment key={part}>
						{index > 0 ? ' ' : null}
						<span style={{whiteSpace: 'nowrap'}}>{part}</span>
					</Fragment>
				))}
			</Appear>
			<Appear index={4} style={{fontSize: 32 * u, marginTop: 16 * u, lineHeight: 1.35, maxWidth: 1000 * u}}>
				{script.understanding}
			</Appear>
		</Fade>
	);
};
