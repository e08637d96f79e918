import {html, type SafeHtml} from '../platform/html';

/**
 * Charts drawn on the server as SVG: no script runs on the dashboard, so its CSP can forbid all of them. Each chart is
 * an image with a title; the same numbers always follow as a table, which is what screen readers and exports read.
 */
const WIDTH = 400;
const LABEL_SIZE = 16;

export interface BarRow {
	readonly label: string;
	readonly value: number;
	/** The number as shown, already formatted for the reader's language. */
	readonly display: string;
	/** A 95 % interval drawn as a whisker, in the same units as value. */
	readonly interval?: {readonly low: number; readonly high: number} | null;
}

/** Bars under their labels, so a phone-width chart keeps readable text. `max` fixes the scale (1 for rates). */
export const horizontalBars = ({id, title, rows, color, max}: {id: string; title: string; rows: readonly BarRow[]; color: string; max?: number}): SafeHtml => {
	const rowHeight = 46;
	const scale = max ?? Math.max(1, ...rows.map((row) => row.value));
	const barSpace = WIDTH - 60;
	const height = rows.length * rowHeight + 4;
	const bars = rows.map((row, index) => {
		const y = index * rowHeight;
		const width = Math.max(row.value > 0 ? 2 : 0, (row.value / scale) * barSpace);
		const whiskerEnd = row.interval ? (row.interval.high / scale) * barSpace : 0;
		const whisker = row.interval
			? html`<line x1="${((row.interval.low / scale) * barSpace).toFixed(1)}" x2="${((row.interval.high / scale) * barSpace).toFixed(1)}" y1="${y + 31}" y2="${y + 31}" stroke="#14121F" stroke-width="2"/>`
			: '';
		return html`<text x="0" y="${y + 16}" font-size="${LABEL_SIZE}" fill="#14121F">${row.label}</text><rect x="0" y="${y + 22}" width="${width.toFixed(1)}" height="18" rx="3" fill="${color}"/>${whisker}<text x="${(Math.max(width, whiskerEnd) + 6).toFixed(1)}" y="${y + 37}" font-size="${LABEL_SIZE}" font-weight="700" fill="#14121F">${row.display}</text>`;
	});
	return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title"><title id="${id}-title">${title}</title>${bars}</svg>`;
};

export interface DaySeries {
	readonly label: string;
	readonly color: string;
	readonly values: readonly number[];
}

/** Two series side by side per day; the first and last days are named under the axis. */
export const dailyBars = ({id, title, days, series}: {id: string; title: string; days: readonly string[]; series: readonly DaySeries[]}): SafeHtml => {
	const height = 180;
	const plot = height - 40;
	const max = Math.max(1, ...series.flatMap((s) => s.values));
	const slot = WIDTH / Math.max(1, days.length);
	const barWidth = Math.min(24, Math.max(2, (slot * 0.8) / series.length));
	const bars = days.flatMap((_, day) =>
		series.map((s, index) => {
			const value = s.values[day] ?? 0;
			const barHeight = (value / max) * (plot - 10);
			return html`<rect x="${(day * slot + slot * 0.1 + index * barWidth).toFixed(1)}" y="${(plot - barHeight).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${s.color}"/>`;
		}),
	);
	const axis = html`<line x1="0" x2="${WIDTH}" y1="${plot}" y2="${plot}" stroke="#8A87A0"/>`;
	const first = days[0] ? html`<text x="0" y="${plot + 16}" font-size="14" fill="#14121F">${days[0]}</text>` : '';
	const last = days.length > 1 ? html`<text x="${WIDTH}" y="${plot + 16}" font-size="14" text-anchor="end" fill="#14121F">${days.at(-1)}</text>` : '';
	const legend = series.map(
		(s, index) =>
			html`<rect x="${index * 140}" y="${height - 14}" width="12" height="12" fill="${s.color}"/><text x="${index * 140 + 18}" y="${height - 4}" font-size="14" fill="#14121F">${s.label}</text>`,
	);
	return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title"><title id="${id}-title">${title}</title>${bars}${axis}${first}${last}${legend}</svg>`;
};
