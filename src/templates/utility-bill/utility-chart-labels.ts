/** A bar of the consumption chart: its month, and its year when the months alone would not tell the periods apart. */
export interface ConsumptionBar {
	readonly label: string;
	readonly year?: string;
	readonly value: number;
}

/** What is written under a bar: its month, with the year under the first named bar of each year. */
export interface BarName {
	readonly month: string;
	readonly year?: string;
}

/** The name under each bar when every `step`-th bar is named, counting back from this period's, which is always named. */
export const barNames = (bars: readonly ConsumptionBar[], step: number): Array<BarName | undefined> => {
	let namedYear: string | undefined;
	return bars.map((bar, index) => {
		if ((bars.length - 1 - index) % step !== 0) return undefined;
		const year = bar.year !== namedYear ? bar.year : undefined;
		namedYear = bar.year;
		return year === undefined ? {month: bar.label} : {month: bar.label, year};
	});
};

/**
 * How many bars each name may take: 1 (every bar named) when each name fits under its own bar, else the fewest that
 * leaves room for every name. `fits` says whether a text fits the width of that many bars.
 */
export const labelStep = (bars: readonly ConsumptionBar[], fits: (text: string, bars: number) => boolean): number => {
	for (let step = 1; step < bars.length; step++) {
		const names = barNames(bars, step);
		if (names.every((name) => !name || (fits(name.month, step) && (name.year === undefined || fits(name.year, step))))) return step;
	}
	return Math.max(1, bars.length);
};
