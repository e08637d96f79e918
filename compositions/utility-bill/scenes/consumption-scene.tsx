import {useVideoConfig} from 'remotion';
import {useEntranceFrame} from '../../shared/reduced-motion';
import {CHART_MOTION} from '../../../src/scene-motion';
import {barNames, labelStep} from '../../../src/templates/utility-bill/utility-chart-labels';
import type {ConsumptionScript} from '../../../src/templates/utility-bill/utility-script';
import {Fade} from '../../shared/fade';
import {SceneTitle} from '../../shared/scene-title';
import {progress} from '../../shared/settle';
import {fitFontSize} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

/** Consumption over the last periods as bars rising one after another, this period highlighted. */
export const ConsumptionScene: React.FC<{script: ConsumptionScript; palette: BrandPalette; wide: boolean}> = ({script, palette, wide}) => {
	const frame = useEntranceFrame();
	const {width} = useVideoConfig();
	const u = useUnit();
	const largest = Math.max(1e-9, ...script.bars.map((bar) => bar.value));
	const chartHeight = (wide ? 300 : 380) * u;
	const label = progress(frame, CHART_MOTION.labelFrom, CHART_MOTION.labelTo);
	const gap = (wide ? 14 : 8) * u;
	// A phone reads the narrow frame at a third of its size, so its names stay large and are thinned out when they do not fit.
	const fontSize = (wide ? 20 : 24) * u;
	// Each bar's width inside the card (the scene's and the card's padding off the frame): a wider name runs into its neighbour's.
	const slot = (width - 2 * (64 + 24) * u - (script.bars.length - 1) * gap) / script.bars.length;
	const step = labelStep(script.bars, (text, bars) => fitFontSize(text, bars * slot + (bars - 1) * gap, fontSize) >= fontSize);
	return (
		<Fade style={{padding: `${56 * u}px ${64 * u}px`, justifyContent: wide ? 'flex-start' : 'center'}}>
			<SceneTitle color={palette.onPrimary}>{script.title}</SceneTitle>
			<div style={{background: palette.card, borderRadius: 28 * u, padding: `${24 * u}px ${24 * u}px ${12 * u}px`}}>
				<div style={{display: 'flex', alignItems: 'flex-end', gap, height: chartHeight}}>
					{script.bars.map((bar, index) => {
						const start = index * CHART_MOTION.stagger;
						const grow = progress(frame, start, start + CHART_MOTION.grow);
						const last = index === script.bars.length - 1;
						return (
							<div
								key={index}
								data-non-text="bar"
								style={{flex: 1, height: `${(bar.value / largest) * 100 * grow}%`, background: last ? palette.bar : palette.quietBar, borderRadius: `${8 * u}px ${8 * u}px 0 0`}}
							/>
						);
					})}
				</div>
				<div style={{display: 'flex', gap, marginTop: 8 * u}}>
					{barNames(script.bars, step).map((name, index) => (
						<div key={index} style={{flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', fontSize, lineHeight: 1.2, color: palette.muted, whiteSpace: 'nowrap'}}>
							{name ? <div>{name.month}</div> : null}
							{name?.year ? <div>{name.year}</div> : null}
						</div>
					))}
				</div>
			</div>
			<div style={{opacity: label, color: palette.onPrimary, marginTop: 24 * u}}>
				<div style={{fontSize: 38 * u, fontWeight: 800}}>{script.thisPeriod}</div>
				{script.comparison ? <div style={{fontSize: 30 * u, marginTop: 8 * u, lineHeight: 1.3}}>{script.comparison}</div> : null}
			</div>
		</Fade>
	);
};
