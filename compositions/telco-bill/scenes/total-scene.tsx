import {useVideoConfig} from 'remotion';
import {useEntranceFrame} from '../../shared/reduced-motion';
import type {TelcoBill} from '../../../src/templates/telco-bill/telco-bill-schema';
import {TOTAL_MOTION} from '../../../src/scene-motion';
import {formattersFor} from '../../../src/scripts/formatters';
import type {TotalScript} from '../../../src/templates/telco-bill/telco-script';
import {Fade} from '../../shared/fade';
import {progress} from '../../shared/settle';
import {balanced, fitFontSize} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

const ARROWS = {up: '▲ ', down: '▼ ', same: ''} as const;

/** The total counts up, then the comparison with the last bill (when known) and the reason for the biggest change. */
export const TotalScene: React.FC<{bill: TelcoBill; script: TotalScript; palette: BrandPalette}> = ({bill, script, palette}) => {
	const frame = useEntranceFrame();
	const {width} = useVideoConfig();
	const u = useUnit();
	const count = progress(frame, 0, TOTAL_MOTION.count);
	// Counting shows intermediate amounts; from the end of the count on it is the script's exact string.
	const shown = count < 1 ? formattersFor(bill.customer).money(Math.round(bill.amountDue * count)) : script.amount;
	const compare = progress(frame, TOTAL_MOTION.count, TOTAL_MOTION.count + TOTAL_MOTION.compare);
	return (
		<Fade style={{justifyContent: 'center', alignItems: 'center', color: palette.onPrimary, textAlign: 'center', padding: 48 * u}}>
			<div style={{fontSize: 40 * u, fontWeight: 600}}>{script.title}</div>
			<div style={{fontSize: fitFontSize(script.amount, width - 96 * u, 140 * u), fontWeight: 800, lineHeight: 1.15}}>{shown}</div>
			<div style={{opacity: compare, marginTop: 20 * u, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 16 * u}}>
				{script.change ? (
					<div
						style={{
							fontSize: 36 * u,
							fontWeight: 700,
							background: palette.card,
							color: palette.ink,
							borderRadius: 999,
							padding: `${10 * u}px ${32 * u}px`,
							...balanced,
						}}
					>
						{ARROWS[script.direction]}
						{script.change}
					</div>
				) : null}
				{script.reason ? <div style={{fontSize: 34 * u, fontWeight: 700, ...balanced}}>{script.reason}</div> : null}
				{script.previous ? <div style={{fontSize: 30 * u}}>{script.previous}</div> : null}
			</div>
		</Fade>
	);
};
