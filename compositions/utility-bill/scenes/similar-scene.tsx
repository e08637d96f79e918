import {useCurrentFrame} from 'remotion';
import {BREAKDOWN_MOTION, LINES_MOTION, staggeredEntrance} from '../../../src/scene-motion';
import type {SimilarScript} from '../../../src/scripts/utility-script';
import {BarRows} from '../../shared/bar-rows';
import {Fade} from '../../shared/fade';
import {SceneTitle} from '../../shared/scene-title';
import {progress} from '../../shared/settle';
import type {Palette} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';

export const SimilarScene: React.FC<{script: SimilarScript; palette: Palette; wide: boolean}> = ({script, palette, wide}) => {
	const frame = useCurrentFrame();
	const u = useUnit();
	const barsDone = staggeredEntrance(2, BREAKDOWN_MOTION, BREAKDOWN_MOTION.grow);
	const rows = [script.you, script.average].map((row, index) => ({key: String(index), label: row.label, amount: row.value, value: row.amount}));
	return (
		<Fade style={{padding: `${56 * u}px ${64 * u}px`, justifyContent: 'center'}}>
			<SceneTitle color={palette.onPrimary}>{script.title}</SceneTitle>
			<BarRows rows={rows} palette={palette} wide={wide} />
			<div
				style={{
					marginTop: 24 * u,
					fontSize: 34 * u,
					fontWeight: 700,
					color: palette.onPrimary,
					opacity: progress(frame, barsDone, barsDone + LINES_MOTION.appear),
				}}
			>
				{script.verdict}
			</div>
		</Fade>
	);
};
