import {useEntranceFrame} from './reduced-motion';
import {LINES_MOTION} from '../../src/scene-motion';
import {progress} from './settle';
import {useUnit} from './use-unit';

/** The `index`th of several lines that fade and rise in one after another (timed by `linesEntrance`). */
export const Appear: React.FC<{index: number; children: React.ReactNode; style?: React.CSSProperties}> = ({index, children, style}) => {
	const frame = useEntranceFrame();
	const u = useUnit();
	const from = index * LINES_MOTION.stagger;
	const shown = progress(frame, from, from + LINES_MOTION.appear);
	return <div style={{opacity: shown, transform: `translateY(${(1 - shown) * 24 * u}px)`, ...style}}>{children}</div>;
};
