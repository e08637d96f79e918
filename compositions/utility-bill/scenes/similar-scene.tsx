import type {SimilarScript} from '../../../src/templates/utility-bill/utility-script';
import {AfterBars} from '../../shared/after-bars';
import {BarRows} from '../../shared/bar-rows';
import {Fade} from '../../shared/fade';
import {SceneTitle} from '../../shared/scene-title';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

export const SimilarScene: React.FC<{script: SimilarScript; palette: BrandPalette; wide: boolean}> = ({script, palette, wide}) => {
	const u = useUnit();
	const rows = [script.you, script.average].map((row, index) => ({key: String(index), label: row.label, amount: row.value, value: row.amount}));
	return (
		<Fade style={{padding: `${56 * u}px ${64 * u}px`, justifyContent: 'center'}}>
			<SceneTitle color={palette.onPrimary}>{script.title}</SceneTitle>
			<BarRows rows={rows} palette={palette} wide={wide} />
			<AfterBars rows={rows.length} color={palette.onPrimary}>
				{script.verdict}
			</AfterBars>
		</Fade>
	);
};
