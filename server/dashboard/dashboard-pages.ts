import {fill} from '../../src/i18n/catalogue';
import {sceneNames} from '../../src/templates/chapters';
import {dateTimeFormat, numberFormat} from '../../src/intl-formats';
import {formatMoney} from '../../src/money';
import type {CampaignReport} from '../analytics/campaign-report';
import type {variantComparison} from '../analytics/campaign-report';
import {waitBuckets, type ClickKind, type WaitBucket} from '../analytics/metrics';
import {BASE_PAGE_STYLE, html, trusted, type SafeHtml} from '../platform/html';
import {dailyBars, horizontalBars} from './charts';
import {dashboardLocales, intlLocale, type DashboardLang, type DashboardMessages} from './dashboard-messages';

/** No script at all, styles by nonce, forms only to this origin, never framed. */
export const dashboardCsp = (nonce: string): string =>
	[
		"default-src 'none'",
		`style-src 'nonce-${nonce}'`,
		"img-src 'self' data:",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	].join('; ');

const STYLE = `${BASE_PAGE_STYLE}header{background:#4B2BD6;color:#fff;padding:12px 16px;display:flex;align-items:center;justify-content:space-between;gap:12px;flex-wrap:wrap}
header h1{font-size:1.15rem;margin:0}
header form{margin:0}
header button,header a{color:#fff}
main{max-width:1100px;margin:0 auto;padding:8px}
.card{background:#fff;margin:8px 0;padding:16px;border-radius:12px;overflow-x:auto}
h2{font-size:1.1rem;margin:0 0 8px}
.grid{display:grid;gap:0 16px}
@media (min-width:900px){.grid{grid-template-columns:1fr 1fr}main{padding:16px}}
.chart{width:100%;max-width:440px;height:auto;display:block;margin:4px 0 12px}
table{width:100%;border-collapse:collapse;font-size:.95rem}
th,td{padding:6px 4px;border-bottom:1px solid #E4E2EE;text-align:left}
/* A column's name may wrap ("Sul passo precedente" is wider than a phone's column); its numbers never do. */
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
a{color:#3A1FB0}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #1A73E8;outline-offset:2px}
button{font:inherit;padding:8px 16px;border-radius:999px;border:1px solid currentColor;background:transparent;cursor:pointer}
.primary{background:#4B2BD6;color:#fff;border-color:#4B2BD6}
label{display:block;font-weight:600;margin:12px 0 4px}
input{font:inherit;width:100%;padding:10px;border:1px solid #8A87A0;border-radius:8px}
.error{color:#A1122B;font-weight:600}
.verdict{font-weight:700}
.langs a{margin-left:8px}
.id{font-family:monospace;word-break:break-all}
.sub{display:block;font-size:.8rem;font-weight:400;color:#4A4760}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (max-width:600px){table.stacked thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
table.stacked tr{display:block;padding:6px 0;border-bottom:1px solid #E4E2EE}
table.stacked th[scope=row]{display:block;border:0;padding:2px 4px}
table.stacked td{display:flex;justify-content:space-between;gap:12px;border:0;padding:2px 4px;white-space:normal}
table.stacked td::before{content:attr(data-label);text-align:left;color:#4A4760}}
`;

export interface PageContext {
	readonly lang: DashboardLang;
	readonly nonce: string;
}

const layout = ({lang, nonce}: PageContext, title: string, signedIn: boolean, body: SafeHtml | string): string => {
	const t = dashboardLocales[lang];
	const langs = (['en', 'it', 'ko'] as const).map((code) => html`<a href="?lang=${code}" lang="${code}"${trusted(code === lang ? ' aria-current="true"' : '')}>${code.toUpperCase()}</a>`);
	return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${title}</title>
<style nonce="${nonce}">${trusted(STYLE)}</style>
</head>
<body>
<header><h1>${t.title}</h1><nav class="langs" aria-label="Language">${langs}</nav>${
		signedIn ? html`<form method="post" action="/dashboard/sign-out"><button type="submit">${t.signOut}</button></form>` : ''
	}</header>
<main>${body}</main>
</body>
</html>`.value;
};

export const signInPage = (context: PageContext, error?: 'bad-key' | 'not-read'): string => {
	const t = dashboardLocales[context.lang];
	const message = error === 'bad-key' ? t.badKey : error === 'not-read' ? t.notReadKey : '';
	return layout(
		context,
		t.signInTitle,
		false,
		html`<section class="card"><h2>${t.signInTitle}</h2><p>${t.signInHelp}</p>${message ? html`<p class="error" role="alert">${message}</p>` : ''}
<form method="post" action="/dashboard/session?lang=${context.lang}"><label for="key">${t.keyLabel}</label><input id="key" name="key" type="password" autocomplete="off" required>
<p><button class="primary" type="submit">${t.signIn}</button></p></form></section>`,
	);
};

const formatters = (lang: DashboardLang) => {
	const locale = intlLocale[lang];
	const number = numberFormat(locale);
	const percent = numberFormat(locale, {style: 'percent', maximumFractionDigits: 1});
	const moment = dateTimeFormat(locale, {dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC'});
	return {
		number: (value: number) => number.format(value),
		percent: (value: number | null) => (value === null ? '–' : percent.format(value)),
		money: (minor: number, currency: string) => formatMoney({minor, currency, locale}),
		/** A batch has no name of its own: it is known by when it was sent, to the minute, which its id does not say readably. */
		campaignName: (createdAt: string) => `${moment.format(new Date(createdAt))} UTC`,
		/** A whole number of days or else of hours, in words ("1 hour", "3 giorni", "6시간"). */
		wait: (seconds: number) => {
			const unit = seconds % 86_400 === 0 ? 'day' : 'hour';
			return numberFormat(locale, {style: 'unit', unit, unitDisplay: 'long'}).format(seconds / (unit === 'day' ? 86_400 : 3_600));
		},
	};
};

/** A campaign's page; the id is encoded, so it stays one path segment whatever it holds. */
const campaignPath = (batchId: string): string => `/dashboard/campaigns/${encodeURIComponent(batchId)}`;

export interface CampaignSummary {
	readonly batchId: string;
	readonly createdAt: string;
	readonly report: CampaignReport;
}

export const campaignListPage = (context: PageContext, campaigns: readonly CampaignSummary[]): string => {
	const t = dashboardLocales[context.lang];
	const f = formatters(context.lang);
	const rows = campaigns.map(
		({batchId, createdAt, report}) =>
			html`<tr><th scope="row"><a href="${campaignPath(batchId)}?lang=${context.lang}">${f.campaignName(createdAt)}</a><span class="sub id">${batchId}</span></th><td class="num" data-label="${t.steps.renders}">${f.number(report.counts.renders)}</td><td class="num" data-label="${t.steps.opened}">${f.number(report.counts.opened)}</td><td class="num" data-label="${t.steps.paid}">${f.number(report.counts.paid)}</td><td class="num" data-label="${t.paymentRate}">${f.percent(report.funnel.at(-1)!.ofRenders)}</td></tr>`,
	);
	return layout(
		context,
		t.campaigns,
		true,
		html`<section class="card"><h2>${t.campaigns}</h2>${
			campaigns.length === 0
				? html`<p>${t.noCampaigns}</p>`
				: html`<table class="stacked"><thead><tr><th scope="col">${t.campaign}</th><th scope="col" class="num">${t.steps.renders}</th><th scope="col" class="num">${t.steps.opened}</th><th scope="col" class="num">${t.steps.paid}</th><th scope="col" class="num">${t.paymentRate}</th></tr></thead><tbody>${rows}</tbody></table>`
		}</section>`,
	);
};

/** Tables wider than a phone can show read as one block per row there, each value beside its column's name. */
const STACKED_FROM_COLUMNS = 5;

const table = (caption: string, headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>, numeric = (index: number) => index > 0): SafeHtml =>
	html`<table${trusted(headers.length >= STACKED_FROM_COLUMNS ? ' class="stacked"' : '')}><caption class="visually-hidden">${caption}</caption><thead><tr>${headers.map((header, index) => html`<th scope="col"${trusted(numeric(index) ? ' class="num"' : '')}>${header}</th>`)}</tr></thead><tbody>${rows.map(
		(row) =>
			html`<tr>${row.map((cell, index) =>
				index === 0 ? html`<th scope="row">${cell}</th>` : html`<td${trusted(numeric(index) ? ' class="num"' : '')} data-label="${headers[index] ?? ''}">${cell}</td>`,
			)}</tr>`,
	)}</tbody></table>`;

const section = (id: string, title: string, body: SafeHtml | SafeHtml[]): SafeHtml =>
	html`<section class="card" aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${body}</section>`;

const variantSection = (t: DashboardMessages, f: ReturnType<typeof formatters>, comparison: ReturnType<typeof variantComparison>): SafeHtml => {
	const interval = (value: {low: number; high: number} | null) => (value ? `${f.percent(value.low)} – ${f.percent(value.high)}` : '–');
	const chart = horizontalBars({
		id: 'variants-chart',
		title: t.paymentRate,
		color: '#0B6B3A',
		max: 1,
		rows: comparison.variants.map((row) => ({label: row.variant, value: row.paymentRate.rate ?? 0, display: f.percent(row.paymentRate.rate), interval: row.paymentRate.interval})),
	});
	const control = comparison.control ?? '';
	const rows = comparison.variants.map((row) => [
		row.variant,
		f.number(row.renders),
		f.number(row.opened),
		f.number(row.payClicked),
		f.number(row.paid),
		f.percent(row.paymentRate.rate),
		interval(row.paymentRate.interval),
		row.paymentRate.difference ? `${f.percent(row.paymentRate.difference.value)} (${interval(row.paymentRate.difference.interval)})` : '–',
	]);
	const significant = comparison.variants.some((row) => row.paymentRate.difference?.significant);
	return section('variants', t.variants, [
		html`<p class="verdict" data-verdict>${significant ? `${t.significant} ${comparison.verdict}` : t.notSignificant}</p>`,
		chart,
		table(t.variants, [t.variant, t.steps.renders, t.steps.opened, t.steps.payClicked, t.steps.paid, t.paymentRate, t.interval, fill(t.difference, {control})], rows),
	]);
};

export interface CampaignPageData {
	readonly batchId: string;
	readonly createdAt: string;
	readonly report: CampaignReport;
	readonly byDay: ReadonlyArray<{readonly date: string; readonly opened: number; readonly paid: number}>;
	readonly comparison?: ReturnType<typeof variantComparison> | undefined;
}

export const campaignPage = (context: PageContext, {batchId, createdAt, report, byDay, comparison}: CampaignPageData): string => {
	const t = dashboardLocales[context.lang];
	const f = formatters(context.lang);
	const funnel = section('funnel', t.funnel, [
		horizontalBars({
			id: 'funnel-chart',
			title: t.funnel,
			color: '#4B2BD6',
			rows: report.funnel.map((step) => ({label: t.steps[step.step], value: step.count, display: f.number(step.count)})),
		}),
		html`<div data-table="funnel">${table(
			t.funnel,
			[t.step, t.count, t.ofPrevious, t.ofSent],
			report.funnel.map((step) => [t.steps[step.step], f.number(step.count), f.percent(step.ofPrevious), f.percent(step.ofRenders)]),
		)}</div>`,
	]);
	const overTime = section('over-time', t.overTime, [
		dailyBars({
			id: 'days-chart',
			title: t.overTime,
			days: byDay.map((day) => day.date),
			series: [
				{label: t.steps.opened, color: '#4B2BD6', values: byDay.map((day) => day.opened)},
				{label: t.steps.paid, color: '#0B6B3A', values: byDay.map((day) => day.paid)},
			],
		}),
		table(t.overTime, [t.date, t.steps.opened, t.steps.paid], byDay.map((day) => [day.date, f.number(day.opened), f.number(day.paid)])),
	]);
	// Scene names as the video's own chapters call them, in the reader's language.
	const chapters: Readonly<Record<string, string>> = sceneNames(intlLocale[context.lang]);
	const sceneName = (scene: string) => chapters[scene] ?? scene;
	const dropOff = section(
		'drop-off',
		t.dropOff,
		report.dropOff.length === 0
			? [html`<p>${t.nothingYet}</p>`]
			: [
					horizontalBars({id: 'drop-off-chart', title: t.dropOff, color: '#B3261E', rows: report.dropOff.map((d) => ({label: sceneName(d.scene), value: d.renders, display: f.number(d.renders)}))}),
					html`<div data-table="drop-off">${table(t.dropOff, [t.scene, t.renders], report.dropOff.map((d) => [sceneName(d.scene), f.number(d.renders)]))}</div>`,
				],
	);
	const waitLabel = (upTo: WaitBucket) => {
		const bound = waitBuckets.find(([bucket]) => bucket === upTo)![1];
		return Number.isFinite(bound) ? fill(t.within, {wait: f.wait(bound)}) : t.later;
	};
	const waits = section(
		'waits',
		t.waits,
		table(
			t.waits,
			['', t.toOpen, t.toPay],
			report.timeToOpen.buckets.map((bucket, index) => [waitLabel(bucket.upTo), f.number(bucket.count), f.number(report.timeToPay.buckets[index]!.count)]),
		),
	);
	const audience = section('audience', `${t.devices} · ${t.languages}`, [
		table(t.devices, [t.devices, t.steps.opened], [[t.phone, f.number(report.devices.phone ?? 0)], [t.desktop, f.number(report.devices.desktop ?? 0)]]),
		table(t.languages, [t.languages, t.steps.opened], report.languages.map((l) => [l.locale, f.number(l.opened)])),
	]);
	const money = section('money', `${t.paidAmount} · ${t.clicks}`, [
		table(t.paidAmount, [t.currency, t.amount], report.paidAmounts.map((paid) => [paid.currency, f.money(paid.amount, paid.currency)])),
		html`<div data-table="clicks">${table(
			t.clicks,
			[t.clicks, t.renders],
			(Object.keys(t.clickKinds) as ClickKind[]).flatMap((kind) => {
				const count = report.hotspotClicks[kind];
				return count ? [[t.clickKinds[kind], f.number(count)]] : [];
			}),
		)}</div>`,
	]);
	const base = `${campaignPath(batchId)}/analytics`;
	const exports = section('exports', t.exports, html`<p><a href="${base}.csv" download>CSV</a> · <a href="${base}.ndjson" download>NDJSON</a></p>`);
	return layout(
		context,
		`${t.campaign} ${f.campaignName(createdAt)}`,
		true,
		html`<p><a href="/dashboard?lang=${context.lang}">← ${t.back}</a></p>
<section class="card"><h2>${t.campaign}: ${f.campaignName(createdAt)}</h2><p>${t.campaignId}: <span class="id">${batchId}</span></p></section>
${funnel}${comparison ? variantSection(t, f, comparison) : ''}<div class="grid">${overTime}${dropOff}</div><div class="grid">${waits}${audience}</div><div class="grid">${money}${exports}</div>`,
	);
};

/** An unknown campaign, or another tenant's: the same page, naming nothing. */
export const campaignNotFoundPage = (context: PageContext): string => {
	const t = dashboardLocales[context.lang];
	return layout(context, t.notFound, true, html`<section class="card" role="alert"><h2>${t.notFound}</h2><p><a href="/dashboard?lang=${context.lang}">← ${t.back}</a></p></section>`);
};
