import {useEntranceFrame} from './reduced-motion';
import {BREAKDOWN_MOTION} from '../../src/scene-motion';
import {progress} from './settle';
import {ellipsis} from './theme';
import {useUnit} from './use-unit';
import type {BrandPalette} from '../../src/palette';

export interface BarRow {
	readonly key: string;
	readonly label: string;
	readonly amount: string;
	/** The bar's length against the largest row; negative values are credits, drawn green. */
	readonly value: number;
}

/**
 * Labelled horizontal bars on a white card, growing one after another (timed by `breakdownEntrance`). On a narrow
 * frame the label sits above its bar; on a wide one beside it.
 */
export const BarRows: React.FC<{rows: readonly BarRow[]; palette: BrandPalette; wide: boolean}> = ({rows, palette, wide}) => {
	const frame = useEntranceFrame();
	const u = useUnit();
	const largest = Math.max(1, ...rows.map((row) => Math.abs(row.value)));
	return (
		<div style={{background: palette.card, borderRadius: 28 * u, padding: `${20 * u}px ${32 * u}px`, color: palette.ink}}>
			{rows.map((row, index) => {
				const start = index * BREAKDOWN_MOTION.stagger;
				const grow = progress(frame, start, start + BREAKDOWN_MOTION.grow);
				const isCredit = row.value < 0;
				const bar = (
					<div data-non-text="track" style={{flex: 1, height: 22 * u, background: palette.track, border: `${2 * u}px solid ${palette.trackEdge}`, borderRadius: 11 * u}}>
						<div
							data-non-text="bar"
							style={{
								width: `${(Math.abs(row.value) / largest) * 100 * grow}%`,
								height: '100%',
								borderRadius: 11 * u,
								background: isCredit ? palette.credit : palette.bar,
							}}
						/>
					</div>
				);
				const amount = (
					<div style={{fontSize: 30 * u, fontWeight: 700, color: isCredit ? palette.credit : palette.ink, opacity: grow, whiteSpace: 'nowrap'}}>
						{row.amount}
					</div>
				);
				return wide ? (
					<div key={row.key} style={{display: 'flex', alignItems: 'center', gap: 24 * u, padding: `${10 * u}px 0`}}>
						<div data-may-truncate style={{width: 360 * u, fontSize: 28 * u, fontWeight: 600, ...ellipsis}}>{row.label}</div>
						{bar}
						<div style={{minWidth: 200 * u, textAlign: 'right'}}>{amount}</div>
					</div>
				) : (
					<div key={row.key} style={{padding: `${10 * u}px 0`}}>
						<div style={{display: 'flex', justifyContent: 'space-between', gap: 16 * u, alignItems: 'baseline'}}>
							<div data-may-truncate style={{fontSize: 28 * u, fontWeight: 600, minWidth: 0, ...ellipsis}}>{row.label}</div>
							{amount}
						</div>
						<div style={{display: 'flex', marginTop: 8 * u}}>{bar}</div>
					</div>
				);
			})}
		</div>
	);
};
