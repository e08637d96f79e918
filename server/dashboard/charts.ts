import * as echarts from 'echarts/dist/echarts.esm.min';
import {FONT_FAMILY} from '../../src/font-family';
import {html, type SafeHtml} from '../platform/html';

/**
 * Charts drawn on the server by Apache ECharts (its SVG server-side rendering: no DOM, no canvas, no eval) and sent as
 * `<img>` of a data: SVG. As an image the SVG can keep the styles ECharts writes, which the dashboard's CSP forbids in
 * the page itself, and it can run nothing. Each chart's numbers always follow as a table, which is what screen readers
 * and exports read; the image's alt text is the chart's title.
 */

const WIDTH = 400;
const INK = '#14121F';
const GRID_LINE = '#E4E2EE';
const FONT_SIZE = 15;
/**
 * Room kept free left of the bars' names. ECharts keeps labels inside the chart by its own estimate of their width, and
 * without a DOM it estimates Latin text narrower than this font draws it: "Hanno premuto paga" lost 4 px of its H.
 */
const LABEL_CUSHION = 16;

const svgOf = (option: echarts.EChartsCoreOption, height: number): string => {
	const chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width: WIDTH, height});
	try {
		chart.setOption({animation: false, textStyle: {fontFamily: FONT_FAMILY, fontSize: FONT_SIZE, color: INK}, ...option});
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
};

const image = (id: string, title: string, svg: string, height: number): SafeHtml =>
	html`<img class="chart" id="${id}" alt="${title}" width="${WIDTH}" height="${height}" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}">`;

export interface BarRow {
	readonly label: string;
	readonly value: number;
	/** The number as shown, already formatted for the reader's language. */
	readonly display: string;
	/** A 95 % interval drawn as a whisker, in the same units as value. */
	readonly interval?: {readonly low: number; readonly high: number} | null;
}

/** Names on the left, one bar a row, its number at its end; `max` fixes the scale (1 for rates). */
export const horizontalBars = ({id, title, rows, color, max}: {id: string; title: string; rows: readonly BarRow[]; color: string; max?: number}): SafeHtml => {
	const height = rows.length * 40 + 30;
	const whiskers = rows.flatMap((row, index) => (row.interval ? [[index, row.interval.low, row.interval.high]] : []));
	const svg = svgOf(
		{
			grid: {left: 40, right: 56, top: 8, bottom: 8, outerBoundsMode: 'auto', outerBounds: {left: LABEL_CUSHION, right: 0, top: 0, bottom: 0}},
			xAxis: {type: 'value', max: max ?? 'dataMax', axisLabel: {show: false}, splitLine: {lineStyle: {color: GRID_LINE}}},
			yAxis: {type: 'category', inverse: true, data: rows.map((row) => row.label), axisTick: {show: false}, axisLine: {lineStyle: {color: INK}}, axisLabel: {color: INK, fontSize: FONT_SIZE}},
			series: [
				{
					type: 'bar',
					barWidth: 20,
					itemStyle: {color, borderRadius: 3},
					data: rows.map((row) => ({value: row.value, label: {formatter: row.display}})),
					label: {show: true, position: 'right', color: INK, fontWeight: 'bold', fontSize: FONT_SIZE},
				},
				...(whiskers.length > 0
					? [
							{
								type: 'custom',
								data: whiskers,
								z: 3,
								// The interval as a line with end caps just under the bar, clear of the bar's number: an error bar.
								renderItem: (_: unknown, api: {value: (i: number) => number; coord: (p: [number, number]) => [number, number]}) => {
									const [lowX, centre] = api.coord([api.value(1), api.value(0)]);
									const y = centre + 15;
									const [highX] = api.coord([api.value(2), api.value(0)]);
									const style = {stroke: INK, lineWidth: 2};
									return {
										type: 'group',
										children: [
											{type: 'line', shape: {x1: lowX, y1: y, x2: highX, y2: y}, style},
											{type: 'line', shape: {x1: lowX, y1: y - 5, x2: lowX, y2: y + 5}, style},
											{type: 'line', shape: {x1: highX, y1: y - 5, x2: highX, y2: y + 5}, style},
										],
									};
								},
							},
						]
					: []),
			],
		},
		height,
	);
	return image(id, title, svg, height);
};

export interface DaySeries {
	readonly label: string;
	readonly color: string;
	readonly values: readonly number[];
}

/** The series side by side per day, with a legend; the axis names the days. */
export const dailyBars = ({id, title, days, series}: {id: string; title: string; days: readonly string[]; series: readonly DaySeries[]}): SafeHtml => {
	const height = 220;
	const svg = svgOf(
		{
			legend: {bottom: 0, left: 0, itemGap: 24, textStyle: {color: INK, fontSize: FONT_SIZE}},
			grid: {left: 8, right: 8, top: 12, bottom: 52},
			xAxis: {type: 'category', data: [...days], axisTick: {show: false}, axisLine: {lineStyle: {color: INK}}, axisLabel: {color: INK, fontSize: 13}},
			yAxis: {type: 'value', minInterval: 1, axisLabel: {color: INK, fontSize: 13}, splitLine: {lineStyle: {color: GRID_LINE}}},
			series: series.map((s) => ({type: 'bar', name: s.label, barMaxWidth: 28, itemStyle: {color: s.color}, data: [...s.values]})),
		},
		height,
	);
	return image(id, title, svg, height);
};
