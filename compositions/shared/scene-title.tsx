import {balanced} from './theme';
import {useUnit} from './use-unit';

/**
 * A scene's heading: it wraps rather than being cut, into lines of even length (a short heading reads as one block, not
 * a full line and a stray word), and a tall scene never squeezes it under the content below.
 */
export const SceneTitle: React.FC<{children: React.ReactNode; color: string}> = ({children, color}) => {
	const u = useUnit();
	return <div style={{fontSize: 46 * u, fontWeight: 800, lineHeight: 1.25, color, marginBottom: 28 * u, flexShrink: 0, ...balanced}}>{children}</div>;
};
