import {useCurrentFrame} from 'remotion';
import {BREAKDOWN_MOTION, LINES_MOTION, staggeredEntrance} from '../../../src/scene-motion';
import type {BreakdownScript} from '../../../src/scripts/telco-script';
import {BarRows} from '../../shared/bar-rows';
import {Fade} from '../../shared/fade';
import {SceneTitle} from '../../shared/scene-title';
import {progress} from '../../shared/settle';
import type {Palette} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';

export const BreakdownScene: React.FC<{script: BreakdownScript; palette: Palette; wide: boolean}> = ({script, palette, wide}) => {
	const frame = useCurrentFrame();
	const u = useUnit();
	const barsDone = staggeredEntrance(script.rows.length, BREAKDOWN_MOTION, BREAKDOWN_MOTION.grow);
	return (
		<Fade style={{padding: `${56 * u}px ${64 * u}px`, justifyContent: wide ? 'flex-start' : 'center'}}>
			<SceneTitle color={palette.onPrimary}>{script.title}</SceneTitle>
			<BarRows rows={script.rows.map((row) => ({...row, value: row.minor}))} palette={palette} wide={wide} />
			{script.saved ? (
				<div
					style={{
						marginTop: 24 * u,
						fontSize: 32 * u,
						fontWeight: 700,
						color: palette.onPrimary,
						opacity: progress(frame, barsDone, barsDone + LINES_MOTION.appear),
					}}
				>
					{script.saved}
				</div>
			) : null}
		</Fade>
	);
};
