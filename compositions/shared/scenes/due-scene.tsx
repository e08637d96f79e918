import {useVideoConfig} from 'remotion';
import type {DueScript} from '../../../src/scripts/common-scenes';
import {startingIn, type Timeline} from '../../../src/timeline';
import {Fade} from '../fade';
import {HotspotButtons} from '../hotspot-buttons';
import {balanced, fitFontSize} from '../theme';
import {useUnit} from '../use-unit';
import type {BrandPalette} from '../../../src/palette';

const TITLE_LINE = 1.2;
const AMOUNT_LINE = 1.2;
const STATUS_LINE = 1.3;

/** Lines `text` wraps onto at `size` in `width`, leaving room for a word that wraps before the edge. */
const linesAt = (text: string, size: number, width: number): number => Math.max(1, Math.ceil(size / fitFontSize(text, width * 0.95, Infinity)));

/**
 * The amount and when it is due, with the pay button; or, with nothing to pay, why not (paid, autopay, credit). The
 * buttons stand where the player's hotspots are, so the words make room for them, never the other way round: the
 * block rises towards the top, then shrinks, until it ends a margin above the first button.
 */
export const DueScene: React.FC<{script: DueScript; timeline: Timeline; palette: BrandPalette}> = ({script, timeline, palette}) => {
	const u = useUnit();
	const {width, height} = useVideoConfig();
	const side = 56 * u;
	const textWidth = width - 2 * side;
	const statusWidth = Math.min(textWidth, 1000 * u);
	const placed = timeline.scenes.find((s) => s.id === 'due');
	const buttonTops = placed ? startingIn(timeline.hotspots, placed).map((h) => h.rect.y) : [];
	const bottom = buttonTops.length > 0 ? Math.min(...buttonTops) - 40 * u : height - side;

	const title = fitFontSize(script.title, textWidth * 2, 44 * u);
	const amount = fitFontSize(script.amount, textWidth, 120 * u);
	const status = 38 * u;
	const gap = 36 * u;
	const natural =
		linesAt(script.title, title, textWidth) * title * TITLE_LINE +
		amount * AMOUNT_LINE +
		(script.status ? gap + linesAt(script.status, status, statusWidth) * status * STATUS_LINE : 0);
	// On tall frames the amount sits in the upper middle, between the top and the button, not pressed to the top.
	const preferredTop = width > height ? 100 * u : height * 0.2;
	const top = Math.max(side, Math.min(preferredTop, bottom - natural));
	// Smaller text wraps onto no more lines, so shrinking every size by the same factor keeps the block within the room.
	const fit = Math.min(1, (bottom - top) / natural);
	return (
		<Fade style={{alignItems: 'center', color: palette.onPrimary, textAlign: 'center', padding: `${top}px ${side}px 0`}}>
			<div style={{fontSize: title * fit, fontWeight: 700, lineHeight: TITLE_LINE, ...balanced}}>{script.title}</div>
			<div style={{fontSize: amount * fit, fontWeight: 800, lineHeight: AMOUNT_LINE}}>{script.amount}</div>
			{script.status ? (
				<div style={{fontSize: status * fit, marginTop: gap * fit, lineHeight: STATUS_LINE, maxWidth: statusWidth}}>{script.status}</div>
			) : null}
			<HotspotButtons timeline={timeline} scene="due" palette={palette} />
		</Fade>
	);
};
