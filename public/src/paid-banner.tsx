import {scaleRect} from '../../src/hotspot-geometry';
import {messagesFor} from '../../src/i18n/catalogue';
import {asksForMoney, asPaidBill, paidNotice, type PaidState} from '../../src/paid-state';
import type {RenderRequestInput} from '../../src/render-input';
import type {Hotspot} from '../../src/timeline';

/**
 * The bill as the live composition should draw it once paid: every template has a paid state of its own (no pay
 * button, a thank-you; a payment reminder's scenes say the amount was received, on the same timeline).
 */
export const asPaid = (input: RenderRequestInput, paid: PaidState | undefined): RenderRequestInput => (paid ? asPaidBill(input) : input);

/** A paid bill asks for nothing: its pay and instalment buttons are dropped, every other button stays. */
export const withoutMoneyAsksOncePaid = (hotspots: readonly Hotspot[], paid: PaidState | undefined): readonly Hotspot[] =>
	paid ? hotspots.filter((hotspot) => !asksForMoney(hotspot)) : hotspots;

/** How far the stamp reaches past the button's rectangle, as a share of its height: over the button's edge, short of its neighbour's. */
const STAMP_BLEED = 0.1;

/**
 * Over each button asking for money that the frames still draw once the bill is paid (an MP4 rendered before the
 * payment; the live composition draws its own paid state), the word "Paid" on the same rectangle: the button itself
 * was dropped, and one drawn but dead would still ask the customer to pay. The banner says the rest, so the stamp is
 * hidden from screen readers.
 */
export const PaidStamps: React.FC<{drawn: readonly Hotspot[]; scale: number; label: string}> = ({drawn, scale, label}) => (
	<>
		{drawn.map((hotspot) => {
			const rect = scaleRect(hotspot.rect, scale);
			const bleed = rect.height * STAMP_BLEED;
			const style = {left: rect.x - bleed, top: rect.y - bleed, width: rect.width + 2 * bleed, height: rect.height + 2 * bleed, fontSize: Math.round(rect.height * 0.45)};
			return (
				<div key={hotspot.id} className="bc-paid-stamp" aria-hidden="true" style={style}>
					{label}
				</div>
			);
		})}
	</>
);

/**
 * The confirmed payment, at the top of the video. In a narrow frame (a phone, a portrait or square video beside the
 * page) the sentence would wrap over the picture, so it shows "✓ Paid" and keeps the sentence for screen readers.
 */
export const PaidBanner: React.FC<{paid: PaidState; locale: string}> = ({paid, locale}) => (
	<div className="bc-paid" role="status" data-billcast-paid="">
		<span className="bc-paid-full">{paidNotice(paid, locale)}</span>
		<span className="bc-paid-short" aria-hidden="true">
			✓ {messagesFor(locale).paidTitle}
		</span>
	</div>
);
