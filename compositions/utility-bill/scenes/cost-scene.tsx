import type {CostScript} from '../../../src/scripts/utility-script';
import {BarRows} from '../../shared/bar-rows';
import {Fade} from '../../shared/fade';
import {SceneTitle} from '../../shared/scene-title';
import type {Palette} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';

export const CostScene: React.FC<{script: CostScript; palette: Palette; wide: boolean}> = ({script, palette, wide}) => {
	const u = useUnit();
	return (
		<Fade style={{padding: `${56 * u}px ${64 * u}px`, justifyContent: 'center'}}>
			<SceneTitle color={palette.onPrimary}>{script.title}</SceneTitle>
			<BarRows rows={script.rows.map((row) => ({...row, value: row.minor}))} palette={palette} wide={wide} />
		</Fade>
	);
};
