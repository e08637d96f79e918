import {describe, expect, it} from 'vitest';
import {dailyBars, horizontalBars} from '../../server/dashboard/charts';

/** The SVG inside a chart's data: URI. */
const svgOf = (image: string) => decodeURIComponent(/src="data:image\/svg\+xml;charset=utf-8,([^"]*)"/.exec(image)![1]!.replaceAll('&#39;', "'").replaceAll('&amp;', '&'));

describe('dashboard charts', () => {
	it('draw bars with their labels and numbers as an image that runs nothing', () => {
		const image = horizontalBars({
			id: 'funnel-chart',
			title: 'Funnel',
			color: '#4B2BD6',
			rows: [
				{label: 'Sent', value: 8, display: '8'},
				{label: '열림 <b>', value: 5, display: '5'},
			],
		}).value;
		expect(image).toMatch(/^<img class="chart" id="funnel-chart" alt="Funnel" /);
		const svg = svgOf(image);
		expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 400 /);
		expect(svg).toContain('>Sent</text>');
		expect(svg).toContain('열림 &lt;b&gt;');
		expect(svg).not.toMatch(/<script|on\w+=/i);
	});

	it('draw an interval as a whisker and days as grouped bars with a legend', () => {
		const bars = svgOf(horizontalBars({id: 'v', title: 'Payment rate', color: '#0B6B3A', max: 1, rows: [{label: 'soft', value: 0.25, display: '25%', interval: {low: 0.05, high: 0.6}}]}).value);
		// The whisker and its two caps, drawn by the custom series.
		expect(bars.match(/<path d="M[\d.]+ [\d.]+L[\d.]+ [\d.]+" [^>]*stroke-width="2" ecmeta_series_index="1"/g)?.length).toBe(3);
		const days = svgOf(dailyBars({id: 'd', title: 'By day', days: ['2026-11-29', '2026-11-30'], series: [{label: 'Opened', color: '#4B2BD6', values: [3, 5]}, {label: 'Paid', color: '#0B6B3A', values: [0, 2]}]}).value);
		expect(days).toContain('>2026-11-30</text>');
		expect(days).toContain('>Opened</text>');
	});
});
