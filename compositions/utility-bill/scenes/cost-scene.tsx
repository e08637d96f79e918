import type {CostScript} from '../../../src/templates/utility-bill/utility-script';
import {BarRows} from '../../shared/bar-rows';
import {Fade} from '../../shared/fade';
import {SceneTitle} from '../../shared/scene-title';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

export const CostScene: React.FC<{script: CostScript; palette: BrandPalette; wide: boolean}> = ({script, palette, wide}) => {
	const u = useUnit();
	return (
		<Fade style={{padding: `${56 * u}px ${64 * u}px`, justifyContent: 'center'}}>
			<SceneTitle color={palette.onPrimary}>{script.title}</SceneTitle>
			<BarRows rows={script.rows.map((row) => ({...row, value: row.minor}))} palette={palette} wide={wide} />
		</Fade>
	);
};
