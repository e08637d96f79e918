import {interpolate, useCurrentFrame} from 'remotion';
import {fill} from '../../../src/i18n/catalogue';
import {TOTAL_MOTION} from '../../../src/scene-motion';
import {Fade} from '../../shared/fade';
import {useUnit} from '../../shared/use-unit';
import type {SceneProps} from './scene-props';

const COUNT_FRAMES = TOTAL_MOTION.count;

export const TotalScene: React.FC<SceneProps> = ({bill, palette, messages, money}) => {
	const frame = useCurrentFrame();
	const u = useUnit();
	const progress = interpolate(frame, [0, COUNT_FRAMES], [0, 1], {extrapolateRight: 'clamp'});
	const shown = Math.round(bill.amountDue * progress);
	const compare = interpolate(frame, [COUNT_FRAMES, COUNT_FRAMES + TOTAL_MOTION.compare], [0, 1], {
		extrapolateLeft: 'clamp',
		extrapolateRight: 'clamp',
	});
	const previous = bill.previousAmount;
	const difference = previous === undefined ? undefined : bill.amountDue - previous;
	const change =
		difference === undefined
			? messages.firstBill
			: difference === 0
				? messages.sameAsLast
				: fill(difference > 0 ? messages.moreThanLast : messages.lessThanLast, {amount: money(Math.abs(difference))});
	const arrow = difference === undefined || difference === 0 ? '' : difference > 0 ? '▲ ' : '▼ ';
	return (
		<Fade style={{justifyContent: 'center', alignItems: 'center', color: palette.onPrimary, textAlign: 'center'}}>
			<div style={{fontSize: 40 * u, fontWeight: 600, opacity: 0.9}}>{messages.totalTitle}</div>
			<div style={{fontSize: 150 * u, fontWeight: 800, lineHeight: 1.1}}>{money(shown)}</div>
			<div style={{opacity: compare, marginTop: 24 * u, display: 'flex', flexDirection: 'column', alignItems: 'center'}}>
				<div
					style={{
						fontSize: 40 * u,
						fontWeight: 700,
						background: palette.card,
						color: palette.ink,
						borderRadius: 999,
						padding: `${10 * u}px ${32 * u}px`,
					}}
				>
					{arrow}
					{change}
				</div>
				{previous === undefined ? null : (
					<div style={{fontSize: 32 * u, marginTop: 18 * u, opacity: 0.9}}>
						{fill(messages.comparedToLast, {amount: money(previous)})}
					</div>
				)}
			</div>
		</Fade>
	);
};
