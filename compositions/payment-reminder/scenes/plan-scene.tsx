import type {PlanScript} from '../../../src/templates/payment-reminder/reminder-script';
import {Appear} from '../../shared/appear';
import {Fade} from '../../shared/fade';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

/** The instalment plan as a dated list whose amounts add up exactly to the debt (see `instalmentPlan`); once paid, the amount paid in full. */
export const PlanScene: React.FC<{script: PlanScript; palette: BrandPalette}> = ({script, palette}) => {
	const u = useUnit();
	const rowStyle = {display: 'flex', justifyContent: 'space-between', gap: 24 * u, fontSize: 30 * u, padding: `${8 * u}px 0`} as const;
	return (
		<Fade style={{justifyContent: 'center', padding: `${48 * u}px ${64 * u}px`}}>
			<Appear index={0} style={{fontSize: 44 * u, fontWeight: 800, color: palette.onPrimary, marginBottom: 20 * u}}>
				{script.title}
			</Appear>
			<div style={{background: palette.card, color: palette.ink, borderRadius: 24 * u, padding: `${16 * u}px ${32 * u}px`}}>
				{script.rows.map((row, index) => (
					<Appear key={row.date} index={index + 1} style={{...rowStyle, borderBottom: `${2 * u}px solid ${palette.track}`}}>
						<span>{row.date}</span>
						<span style={{fontWeight: 700}}>{row.amount}</span>
					</Appear>
				))}
				{script.total === undefined ? null : (
					<Appear index={script.rows.length + 1} style={{...rowStyle, fontWeight: 800, justifyContent: 'flex-end'}}>
						{script.total}
					</Appear>
				)}
			</div>
		</Fade>
	);
};
