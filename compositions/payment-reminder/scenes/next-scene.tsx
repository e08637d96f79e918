import type {NextScript} from '../../../src/templates/payment-reminder/reminder-script';
import {Appear} from '../../shared/appear';
import {Fade} from '../../shared/fade';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

/** What happens next and when, stated plainly, and how to avoid it. Three lines, as NEXT_LINES says. */
export const NextScene: React.FC<{script: NextScript; palette: BrandPalette}> = ({script, palette}) => {
	const u = useUnit();
	return (
		<Fade style={{justifyContent: 'center', padding: `${56 * u}px ${64 * u}px`, gap: 24 * u}}>
			<Appear index={0} style={{fontSize: 46 * u, fontWeight: 800, color: palette.onPrimary}}>
				{script.title}
			</Appear>
			<Appear index={1} style={{background: palette.card, color: palette.ink, borderRadius: 24 * u, padding: `${24 * u}px ${32 * u}px`, fontSize: 36 * u, lineHeight: 1.35}}>
				{script.step}
			</Appear>
			<Appear index={2} style={{fontSize: 32 * u, color: palette.onPrimary, lineHeight: 1.35}}>
				{script.reassure}
			</Appear>
		</Fade>
	);
};
