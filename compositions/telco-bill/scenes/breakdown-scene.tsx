import type {BreakdownScript} from '../../../src/templates/telco-bill/telco-script';
import {AfterBars} from '../../shared/after-bars';
import {BarRows} from '../../shared/bar-rows';
import {Fade} from '../../shared/fade';
import {SceneTitle} from '../../shared/scene-title';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

export const BreakdownScene: React.FC<{script: BreakdownScript; palette: BrandPalette; wide: boolean}> = ({script, palette, wide}) => {
	const u = useUnit();
	return (
		<Fade style={{padding: `${56 * u}px ${64 * u}px`, justifyContent: wide ? 'flex-start' : 'center'}}>
			<SceneTitle color={palette.onPrimary}>{script.title}</SceneTitle>
			<BarRows rows={script.rows.map((row) => ({...row, value: row.minor}))} palette={palette} wide={wide} />
			{script.saved ? (
				<AfterBars rows={script.rows.length} color={palette.onPrimary}>
					{script.saved}
				</AfterBars>
			) : null}
		</Fade>
	);
};
