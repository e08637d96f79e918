import {deviceClasses, waitBuckets, type DeviceClass} from './metrics';
import {differenceInterval, wilsonInterval, type Interval} from './statistics';

/**
 * The funnel, in order: each step, its counter, and the step its rate is of. The viewing steps are each a subset of the
 * one before. Produced (renders sent whose video is made: one per render, whatever files it has) and links exported
 * are both of those sent: a link may be handed out before its video is made, since the live player needs none. Pressed
 * pay and paid are of nothing before them, so their rates are of the renders sent only: the watch page's own pay button
 * may be pressed without watching at all, and a customer may pay by bank transfer without pressing pay.
 */
export const funnelSteps = [
	['renders', 'renders', null],
	['produced', 'produced', 'renders'],
	['exported', 'exported', 'renders'],
	['opened', 'opened', 'exported'],
	['reached25', 'progress_25', 'opened'],
	['reached50', 'progress_50', 'reached25'],
	['reached75', 'progress_75', 'reached50'],
	['completed', 'completed', 'reached75'],
	['payClicked', 'pay_clicked', null],
	['paid', 'paid', null],
] as const;
export type FunnelStep = (typeof funnelSteps)[number][0];

type Fields = Readonly<Record<string, string>>;

const numberOf = (fields: Fields, field: string): number => Number(fields[field] ?? 0);
const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Every field `<prefix><name>` as `{name: count}`, zeros and all. */
const withPrefix = (fields: Fields, prefix: string): Record<string, number> =>
	Object.fromEntries(
		Object.entries(fields)
			.filter(([field]) => field.startsWith(prefix))
			.map(([field, value]) => [field.slice(prefix.length), Number(value)]),
	);

/** Counted over the waits the buckets hold: a payment made before its bill was sent has none, though it counts as paid. */
const waits = (fields: Fields, sumField: string, bucketPrefix: string) => {
	const buckets = waitBuckets.map(([upTo]) => ({upTo, count: numberOf(fields, `${bucketPrefix}${upTo}`)}));
	const count = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
	return {count, meanSeconds: count === 0 ? null : Math.round(numberOf(fields, sumField) / count), buckets};
};

/** Adds raw counter hashes together (days into a range, templates into a tenant). */
export const sumFields = (all: readonly Fields[]): Record<string, string> => {
	const total: Record<string, number> = {};
	for (const fields of all) for (const [field, value] of Object.entries(fields)) total[field] = (total[field] ?? 0) + Number(value);
	return Object.fromEntries(Object.entries(total).map(([field, value]) => [field, String(value)]));
};

/** The numbers of one scope (a batch, a day, a template), from its counters. */
export const campaignReport = (fields: Fields) => {
	const counts = Object.fromEntries(funnelSteps.map(([step, field]) => [step, numberOf(fields, field)])) as Record<FunnelStep, number>;
	return {
		counts,
		funnel: funnelSteps.map(([step, , of]) => ({
			step,
			count: counts[step],
			ofPrevious: of === null ? null : rate(counts[step], counts[of]),
			ofRenders: rate(counts[step], counts.renders),
		})),
		paidAmounts: Object.entries(withPrefix(fields, 'paid_amount:')).map(([currency, amount]) => ({currency, amount})),
		hotspotClicks: withPrefix(fields, 'clicked:'),
		timeToOpen: waits(fields, 'open_seconds_sum', 'open_wait:'),
		timeToPay: waits(fields, 'pay_seconds_sum', 'pay_wait:'),
		// A scene every render has left again counts zero and is left out.
		dropOff: Object.entries(withPrefix(fields, 'dropoff:'))
			.filter(([, renders]) => renders > 0)
			.map(([scene, renders]) => ({scene, renders})),
		devices: Object.fromEntries(deviceClasses.map((device) => [device, numberOf(fields, `device:${device}`)])) as Record<DeviceClass, number>,
		languages: Object.entries(withPrefix(fields, 'language:')).map(([locale, opened]) => ({locale, opened})),
	};
};

export type CampaignReport = ReturnType<typeof campaignReport>;

interface RateComparison {
	readonly rate: number | null;
	readonly interval: Interval | null;
	/** Against the first variant: the difference of rates (this minus the first) and its 95 % interval. */
	readonly difference: {readonly value: number; readonly interval: Interval; readonly significant: boolean} | null;
}

const compare = (successes: number, trials: number, control: {successes: number; trials: number} | undefined): RateComparison => {
	const interval = differenceInterval(control ?? {successes: 0, trials: 0}, {successes, trials});
	return {
		rate: rate(successes, trials),
		interval: wilsonInterval(successes, trials),
		difference:
			control && interval
				? {value: successes / trials - control.successes / control.trials, interval, significant: interval.low > 0 || interval.high < 0}
				: null,
	};
};

/**
 * The variants of an experiment side by side: pay-click and payment rates per bill sent, each with a 95 % Wilson
 * interval, and each later variant against the first with Newcombe's interval of the difference. A difference is called
 * significant only when that interval leaves out zero; the verdict says so in words.
 */
export const variantComparison = (variants: readonly string[], fields: Fields) => {
	const rows = variants.map((variant) => {
		const n = (field: string) => numberOf(fields, `variant:${variant}:${field}`);
		return {variant, renders: n('renders'), opened: n('opened'), payClicked: n('pay_clicked'), paid: n('paid')};
	});
	const control = rows[0];
	const compared = rows.map((row, index) => ({
		...row,
		payClickRate: compare(row.payClicked, row.renders, index === 0 || !control ? undefined : {successes: control.payClicked, trials: control.renders}),
		paymentRate: compare(row.paid, row.renders, index === 0 || !control ? undefined : {successes: control.paid, trials: control.renders}),
	}));
	const significant = compared.filter((row) => row.paymentRate.difference?.significant);
	const verdict =
		significant.length > 0
			? significant
					.map((row) => `${row.variant} pays ${row.paymentRate.difference!.value > 0 ? 'more' : 'less'} often than ${control!.variant} (95 % confidence).`)
					.join(' ')
			: `Not yet significant: the payment rates of the variants could still be equal (95 % confidence). Keep collecting.`;
	return {control: control?.variant ?? null, variants: compared, verdict};
};
