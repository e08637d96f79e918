import {interpolate, spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {formatPeriod} from '../../../src/dates';
import {fill} from '../../../src/i18n/catalogue';
import {GREETING_MOTION} from '../../../src/scene-motion';
import {Fade} from '../../shared/fade';
import {ellipsis} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';
import type {SceneProps} from './scene-props';

export const GreetingScene: React.FC<SceneProps> = ({bill, palette, messages}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const u = useUnit();
	const rise = spring({frame, fps, config: {damping: 200}, durationInFrames: GREETING_MOTION.rise});
	const subtitle = interpolate(frame, [GREETING_MOTION.subtitleFrom, GREETING_MOTION.subtitleTo], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
	return (
		<Fade style={{justifyContent: 'center', padding: 80 * u, color: palette.onPrimary}}>
			<div style={{fontSize: 34 * u, fontWeight: 700, opacity: 0.85, letterSpacing: 1, ...ellipsis}}>{bill.brand.name}</div>
			<div
				style={{
					fontSize: 92 * u,
					fontWeight: 800,
					marginTop: 16 * u,
					transform: `translateY(${(1 - rise) * 40 * u}px)`,
					opacity: rise,
					...ellipsis,
				}}
			>
				{fill(messages.greeting, {name: bill.customer.name})}
			</div>
			<div style={{fontSize: 38 * u, marginTop: 20 * u, opacity: subtitle, ...ellipsis}}>
				{fill(messages.greetingSubtitle, {
					brand: bill.brand.name,
					period: formatPeriod(bill.period.start, bill.period.end, bill.customer.locale),
				})}
			</div>
		</Fade>
	);
};
