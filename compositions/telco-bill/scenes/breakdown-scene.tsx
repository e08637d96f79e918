import {interpolate, useCurrentFrame} from 'remotion';
import {groupByCategory} from '../../../src/breakdown';
import {BREAKDOWN_MOTION} from '../../../src/scene-motion';
import {Fade} from '../../shared/fade';
import {ellipsis} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';
import type {SceneProps} from './scene-props';

const {stagger: STAGGER, grow: GROW} = BREAKDOWN_MOTION;

export const BreakdownScene: React.FC<SceneProps> = ({bill, palette, messages, money}) => {
	const frame = useCurrentFrame();
	const u = useUnit();
	const rows = groupByCategory(bill.lineItems);
	const largest = Math.max(1, ...rows.map((row) => Math.abs(row.total)));
	const rowHeight = Math.min(64, 440 / Math.max(rows.length, 1)) * u;
	return (
		<Fade style={{padding: `${56 * u}px ${80 * u}px`, color: palette.ink}}>
			<div style={{fontSize: 48 * u, fontWeight: 800, color: palette.onPrimary, marginBottom: 24 * u}}>
				{messages.breakdownTitle}
			</div>
			<div style={{background: palette.card, borderRadius: 28 * u, padding: `${24 * u}px ${36 * u}px`}}>
				{rows.map((row, index) => {
					const grow = interpolate(frame, [index * STAGGER, index * STAGGER + GROW], [0, 1], {
						extrapolateLeft: 'clamp',
						extrapolateRight: 'clamp',
					});
					const isCredit = row.total < 0;
					const colour = isCredit ? palette.credit : palette.primary;
					return (
						<div key={row.category} style={{display: 'flex', alignItems: 'center', height: rowHeight, gap: 24 * u}}>
							<div style={{width: 380 * u, fontSize: 30 * u, fontWeight: 600, ...ellipsis}}>
								{messages.categories[row.category]}
							</div>
							<div style={{flex: 1, height: rowHeight * 0.5, background: '#EEEDF5', borderRadius: 12 * u}}>
								<div
									style={{
										width: `${(Math.abs(row.total) / largest) * 100 * grow}%`,
										height: '100%',
										borderRadius: 12 * u,
										background: colour,
									}}
								/>
							</div>
							<div
								style={{
									width: 200 * u,
									textAlign: 'right',
									fontSize: 32 * u,
									fontWeight: 700,
									color: isCredit ? palette.credit : palette.ink,
									opacity: grow,
								}}
							>
								{money(row.total)}
							</div>
						</div>
					);
				})}
			</div>
		</Fade>
	);
};
