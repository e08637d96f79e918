import {interpolate, useCurrentFrame} from 'remotion';
import type {UsageMeter} from '../../../src/bill-schema';
import {USAGE_MOTION} from '../../../src/scene-motion';
import {Fade} from '../../shared/fade';
import {useUnit} from '../../shared/use-unit';
import type {SceneProps} from './scene-props';

const Meter: React.FC<{label: string; meter: UsageMeter; unit: string; props: SceneProps; delay: number}> = ({
	label,
	meter,
	unit,
	props,
	delay,
}) => {
	const frame = useCurrentFrame();
	const u = useUnit();
	const {palette, messages, bill} = props;
	const number = (n: number) => new Intl.NumberFormat(bill.customer.locale, {maximumFractionDigits: 1}).format(n);
	const fraction = meter.allowance === null ? 1 : Math.min(1, meter.used / meter.allowance);
	const grow = interpolate(frame, [delay, delay + USAGE_MOTION.grow], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
	const allowance = meter.allowance === null ? messages.usageUnlimited : `${number(meter.allowance)}${unit}`;
	return (
		<div style={{flex: 1, background: palette.card, borderRadius: 24 * u, padding: 28 * u, color: palette.ink}}>
			<div style={{fontSize: 30 * u, fontWeight: 700, color: palette.muted}}>{label}</div>
			<div style={{fontSize: 56 * u, fontWeight: 800, marginTop: 8 * u}}>
				{number(meter.used)}
				{unit}
			</div>
			<div style={{fontSize: 26 * u, color: palette.muted}}>/ {allowance}</div>
			<div style={{height: 18 * u, background: '#EEEDF5', borderRadius: 9 * u, marginTop: 20 * u}}>
				<div
					style={{
						width: `${fraction * grow * 100}%`,
						height: '100%',
						borderRadius: 9 * u,
						background: palette.primary,
					}}
				/>
			</div>
		</div>
	);
};

export const UsageScene: React.FC<SceneProps> = (props) => {
	const u = useUnit();
	const {usage} = props.bill;
	const {messages, palette} = props;
	return (
		<Fade style={{padding: `${72 * u}px ${80 * u}px`}}>
			<div style={{fontSize: 48 * u, fontWeight: 800, color: palette.onPrimary, marginBottom: 36 * u}}>
				{messages.usageTitle}
			</div>
			<div style={{display: 'flex', gap: 28 * u}}>
				{usage?.data ? <Meter label={messages.usageData} meter={usage.data} unit=" GB" props={props} delay={0} /> : null}
				{usage?.minutes ? (
					<Meter label={messages.usageMinutes} meter={usage.minutes} unit="" props={props} delay={USAGE_MOTION.stagger} />
				) : null}
				{usage?.sms ? <Meter label={messages.usageSms} meter={usage.sms} unit="" props={props} delay={2 * USAGE_MOTION.stagger} /> : null}
			</div>
		</Fade>
	);
};
