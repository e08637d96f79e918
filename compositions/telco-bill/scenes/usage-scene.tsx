import {useVideoConfig} from 'remotion';
import {useEntranceFrame} from '../../shared/reduced-motion';
import {USAGE_MOTION} from '../../../src/scene-motion';
import type {MeterScript, UsageScript} from '../../../src/templates/telco-bill/telco-script';
import {Fade} from '../../shared/fade';
import {SceneTitle} from '../../shared/scene-title';
import {progress} from '../../shared/settle';
import {ellipsis, fitFontSize} from '../../shared/theme';
import {useUnit} from '../../shared/use-unit';
import type {BrandPalette} from '../../../src/palette';

const Meter: React.FC<{meter: MeterScript; palette: BrandPalette; delay: number; width: number}> = ({meter, palette, delay, width}) => {
	const frame = useEntranceFrame();
	const u = useUnit();
	const grow = progress(frame, delay, delay + USAGE_MOTION.grow);
	return (
		<div style={{flex: 1, minWidth: 0, background: palette.card, borderRadius: 24 * u, padding: 24 * u, color: palette.ink}}>
			<div style={{fontSize: 28 * u, fontWeight: 700, color: palette.muted, ...ellipsis}}>{meter.label}</div>
			<div style={{fontSize: fitFontSize(meter.used, width - 48 * u, 48 * u), fontWeight: 800, marginTop: 4 * u, ...ellipsis}}>{meter.used}</div>
			<div style={{fontSize: 26 * u, color: palette.muted, ...ellipsis}}>/ {meter.allowance}</div>
			<div data-non-text="track" style={{height: 18 * u, background: palette.track, border: `${2 * u}px solid ${palette.trackEdge}`, borderRadius: 9 * u, marginTop: 16 * u}}>
				<div
					data-non-text="bar"
					style={{
						width: `${(meter.fraction ?? 1) * grow * 100}%`,
						height: '100%',
						borderRadius: 9 * u,
						backgroundColor: meter.over ? palette.over : palette.bar,
						// A full plain bar would read as an allowance used up; stripes say there is no end to it.
						...(meter.fraction === null
							? {backgroundImage: `repeating-linear-gradient(135deg, transparent 0 ${10 * u}px, ${palette.track} ${10 * u}px ${18 * u}px)`}
							: {}),
					}}
				/>
			</div>
		</div>
	);
};

export const UsageScene: React.FC<{script: UsageScript; palette: BrandPalette; wide: boolean}> = ({script, palette, wide}) => {
	const frame = useEntranceFrame();
	const {width, height} = useVideoConfig();
	const u = useUnit();
	// Three stacked meters only fit a tall frame; a square one lays them side by side, as landscape does.
	const row = width >= height;
	const across = width - 128 * u;
	const meterWidth = row ? (across - 24 * u * (script.meters.length - 1)) / Math.max(1, script.meters.length) : across;
	return (
		<Fade style={{padding: `${64 * u}px ${64 * u}px`, justifyContent: wide ? 'flex-start' : 'center'}}>
			<SceneTitle color={palette.onPrimary}>{script.title}</SceneTitle>
			<div style={{display: 'flex', flexDirection: row ? 'row' : 'column', gap: 24 * u}}>
				{script.meters.map((meter, index) => (
					<Meter key={meter.key} meter={meter} palette={palette} delay={index * USAGE_MOTION.stagger} width={meterWidth} />
				))}
			</div>
			{script.tip ? (
				<div
					style={{
						marginTop: 28 * u,
						fontSize: 30 * u,
						lineHeight: 1.35,
						color: palette.onPrimary,
						opacity: progress(frame, USAGE_MOTION.tipFrom, USAGE_MOTION.tipTo),
					}}
				>
					💡 {script.tip}
				</div>
			) : null}
		</Fade>
	);
};
