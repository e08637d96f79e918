import {paidNotice, type PaidState} from '../../src/paid-state';
import type {RenderRequestInput} from '../../src/render-input';
import {templateOf} from '../../src/templates/registry';
import type {Hotspot} from '../../src/timeline';

/**
 * The bill as the live composition should draw it once paid: telco and utility bills have a paid state of their own
 * (no pay button, a thank-you). A payment reminder has none, so it keeps its scenes and only loses its pay hotspot.
 */
export const asPaid = (input: RenderRequestInput, paid: PaidState | undefined): RenderRequestInput =>
	// The registry's paid bill is the same template's bill, so the pair still matches.
	paid ? ({...input, bill: templateOf(input.template).paid(input.bill)} as RenderRequestInput) : input;

/** A paid bill asks for nothing: its pay buttons are dropped, every other button (call, mail, bill PDF) stays. */
export const withoutPayOncePaid = (hotspots: readonly Hotspot[], paid: PaidState | undefined): readonly Hotspot[] =>
	paid ? hotspots.filter((hotspot) => hotspot.kind !== 'pay') : hotspots;

/** The confirmed payment over the top of the video; styled inline so the player needs no stylesheet change. */
export const PaidBanner: React.FC<{paid: PaidState; locale: string}> = ({paid, locale}) => (
	<div
		className="bc-paid"
		role="status"
		data-billcast-paid=""
		style={{
			position: 'absolute',
			top: 8,
			left: '50%',
			transform: 'translateX(-50%)',
			maxWidth: 'calc(100% - 16px)',
			padding: '6px 14px',
			borderRadius: 999,
			background: '#0B6B3A',
			color: '#fff',
			font: '600 14px/1.3 system-ui, sans-serif',
			textAlign: 'center',
			pointerEvents: 'none',
		}}
	>
		{paidNotice(paid, locale)}
	</div>
);
