import {spring, useCurrentFrame, useVideoConfig} from 'remotion';
import {fill} from '../../../src/i18n/catalogue';
import {CLOSE_MOTION} from '../../../src/scene-motion';
import {Fade} from '../../shared/fade';
import {ellipsis} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';
import type {SceneProps} from './scene-props';

export const CloseScene: React.FC<SceneProps> = ({bill, palette, messages}) => {
	const frame = useCurrentFrame();
	const {fps} = useVideoConfig();
	const u = useUnit();
	const pop = spring({frame, fps, config: {damping: 200}, durationInFrames: CLOSE_MOTION.pop});
	return (
		<Fade style={{justifyContent: 'center', alignItems: 'center', color: palette.onPrimary, textAlign: 'center'}}>
			<div style={{fontSize: 56 * u, fontWeight: 800, transform: `scale(${0.9 + 0.1 * pop})`, maxWidth: '90%', ...ellipsis}}>
				{fill(messages.closeThanks, {brand: bill.brand.name})}
			</div>
		</Fade>
	);
};
