/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

export interface Interval {
	readonly low: number;
	readonly high: number;
}

/** Wilson score interval of a proportion: sane at 0 %, 100 % and small counts, where the normal interval is not. */
export const wilsonInterval = (successes: number, trials: number, z = Z95): Interval | null => {
	if (trials === 0) return null;
	const p = successes / trials;
	const denominator = 1 + (z * z) / trials;
	const centre = (p + (z * z) / (2 * trials)) / denominator;
	const half = (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials))) / denominator;
	// At 0 % and 100 % the bound is exactly 0 or 1; computed, it may come out a rounding error away (5.6e-17).
	return {low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === trials ? 1 : Math.min(1, centre + half)};
};

/**
 * Newcombe's hybrid score interval of the difference of two proportions (method 10), built from the two Wilson
 * intervals, so it behaves at small counts and at 0 % like they do.
 */
export const differenceInterval = (a: {successes: number; trials: number}, b: {successes: number; trials: number}): Interval | null => {
	const wa = wilsonInterval(a.successes, a.trials);
	const wb = wilsonInterval(b.successes, b.trials);
	if (!wa || !wb) return null;
	const pa = a.successes / a.trials;
	const pb = b.successes / b.trials;
	const difference = pb - pa;
	return {
		low: difference - Math.sqrt((pb - wb.low) ** 2 + (wa.high - pa) ** 2),
		high: difference + Math.sqrt((wb.high - pb) ** 2 + (pa - wa.low) ** 2),
	};
};
