import {useVideoConfig} from 'remotion';
import {useEntranceFrame} from '../reduced-motion';
import {GREETING_MOTION} from '../../../src/scene-motion';
import type {GreetingScript} from '../../../src/scripts/common-scenes';
import {BrandLogo} from '../brand-logo';
import {Fade} from '../fade';
import {progress, settledSpring} from '../settle';
import {fitFontSize} from '../theme';
import {useUnit} from '../use-unit';
import type {BrandPalette} from '../../../src/palette';

export const GreetingScene: React.FC<{script: GreetingScript; palette: BrandPalette; logoUrl: string | undefined}> = ({script, palette, logoUrl}) => {
	const frame = useEntranceFrame();
	const {fps, width} = useVideoConfig();
	const u = useUnit();
	const rise = settledSpring({frame, fps, durationInFrames: GREETING_MOTION.rise});
	const subtitle = progress(frame, GREETING_MOTION.subtitleFrom, GREETING_MOTION.subtitleTo);
	const across = width - 128 * u;
	// Each word, up to a hyphen, must fit a line of its own: a name broken inside ("Featherstonehaug / h") reads as a
	// typo. Bold runs wider than fitFontSize's estimate, hence the fifth taken off the line.
	const wordFit = Math.min(...script.title.split(/\s+|(?<=-)/).map((word) => fitFontSize(word, across * 0.8, 84 * u)));
	return (
		<Fade style={{justifyContent: 'center', padding: 64 * u, color: palette.onPrimary}}>
			{/* The name fills what the logo leaves, or goes under it when its longest word would not fit there: break-word, unlike the
			    frame's anywhere, keeps the longest word as the name's narrowest width. */}
			<div style={{display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 24 * u}}>
				<BrandLogo logoUrl={logoUrl} height={52} />
				<div style={{flex: '1 1 0', minWidth: 'min-content', overflowWrap: 'break-word', fontSize: 34 * u, fontWeight: 700, letterSpacing: 1, lineHeight: 1.25}}>{script.brand}</div>
			</div>
			<div
				style={{
					// Shrinks to fit a long greeting in under three lines; a very long name wraps rather than being cut.
					fontSize: Math.max(30 * u, Math.min(wordFit, fitFontSize(script.title, across * 2.6, 84 * u))),
					lineHeight: 1.2,
					fontWeight: 800,
					marginTop: 16 * u,
					transform: `translateY(${(1 - rise) * 40 * u}px)`,
					opacity: rise,
				}}
			>
				{script.title}
			</div>
			<div style={{fontSize: 36 * u, marginTop: 20 * u, opacity: subtitle, lineHeight: 1.3}}>{script.subtitle}</div>
		</Fade>
	);
};
