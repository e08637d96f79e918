import {ellipsis} from './theme';
import {useUnit} from './use-unit';

export const SceneTitle: React.FC<{children: React.ReactNode; color: string}> = ({children, color}) => {
	const u = useUnit();
	return <div style={{fontSize: 46 * u, fontWeight: 800, color, marginBottom: 28 * u, ...ellipsis}}>{children}</div>;
};
