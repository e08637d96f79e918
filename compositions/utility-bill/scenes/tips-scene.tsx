import type {TipsScript} from '../../../src/templates/utility-bill/utility-script';
import {Appear} from '../../shared/appear';
import {Fade} from '../../shared/fade';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

/** The title and then each tip on its own card, one after another (timed by `linesEntrance(tips + 1)`). */
export const TipsScene: React.FC<{script: TipsScript; palette: BrandPalette}> = ({script, palette}) => {
	const u = useUnit();
	return (
		<Fade style={{padding: `${56 * u}px ${64 * u}px`, justifyContent: 'center', gap: 20 * u}}>
			<Appear index={0} style={{fontSize: 46 * u, fontWeight: 800, color: palette.onPrimary}}>
				{script.title}
			</Appear>
			{script.tips.map((tip, index) => (
				<Appear
					key={tip}
					index={index + 1}
					style={{background: palette.card, color: palette.ink, borderRadius: 24 * u, padding: `${18 * u}px ${28 * u}px`, fontSize: 30 * u, lineHeight: 1.35}}
				>
					{tip}
				</Appear>
			))}
		</Fade>
	);
};
