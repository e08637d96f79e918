import {useEntranceFrame} from './reduced-motion';
import {BREAKDOWN_MOTION, LINES_MOTION, staggeredEntrance} from '../../src/scene-motion';
import {progress} from './settle';
import {balanced} from './theme';
import {useUnit} from './use-unit';

/** A line under `rows` growing bars that fades in once they have grown (the end of `breakdownEntrance(rows)`). */
export const AfterBars: React.FC<{rows: number; color: string; children: React.ReactNode}> = ({rows, color, children}) => {
	const frame = useEntranceFrame();
	const u = useUnit();
	const barsDone = staggeredEntrance(rows, BREAKDOWN_MOTION, BREAKDOWN_MOTION.grow);
	return (
		<div style={{marginTop: 24 * u, fontSize: 32 * u, fontWeight: 700, lineHeight: 1.3, ...balanced, color, opacity: progress(frame, barsDone, barsDone + LINES_MOTION.appear)}}>
			{children}
		</div>
	);
};
