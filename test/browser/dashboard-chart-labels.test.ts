import type {Browser} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {sceneNames} from '../../src/templates/chapters';
import {horizontalBars} from '../../server/dashboard/charts';
import {dashboardLocales, intlLocale, type DashboardLang} from '../../server/dashboard/dashboard-messages';
import {launchChromium} from '../helpers/browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

/** The SVG inside a chart's data: URI. */
const svgOf = (image: string) => decodeURIComponent(/src="data:image\/svg\+xml;charset=utf-8,([^"]*)"/.exec(image)![1]!.replaceAll('&#39;', "'").replaceAll('&amp;', '&'));

describe('dashboard bar charts, drawn by Chromium in the fonts the dashboard has', () => {
	it('keep every name of a step and of a scene whole inside the chart, in every language', async () => {
		const page = await browser.newPage();
		try {
			for (const lang of Object.keys(dashboardLocales) as DashboardLang[]) {
				const names = [Object.values(dashboardLocales[lang].steps), Object.values(sceneNames(intlLocale[lang]))];
				for (const labels of names) {
					const chart = horizontalBars({id: 'c', title: 't', color: '#4B2BD6', rows: labels.map((label, index) => ({label, value: index + 1, display: String(index + 1)}))});
					await page.setContent(`<body style="margin:0">${svgOf(chart.value)}</body>`);
					const outside = await page.$$eval('svg text', (texts) => {
						const svg = document.querySelector('svg')!.getBoundingClientRect();
						return texts.filter((text) => {
							const box = text.getBoundingClientRect();
							return box.left < svg.left || box.right > svg.right;
						}).map((text) => text.textContent);
					});
					expect(outside, lang).toEqual([]);
				}
			}
		} finally {
			await page.close();
		}
	});
});
