import {summarizeBill} from '../../src/bill-summary';
import {needsPayment} from '../../src/needs-payment';
import type {BillSummary} from '../../src/summary-shape';
import {checkoutUrl} from '../../src/checkout-url';
import {daysBetween, formatDate} from '../../src/dates';
import {hotspotHref, opensElsewhere} from '../../src/hotspot-links';
import {fill, messagesFor, pluralForm, writtenLocale} from '../../src/i18n/catalogue';
import {numberFormat} from '../../src/intl-formats';
import {formatMoney} from '../../src/money';
import {brandPalette} from '../../src/palette';
import type {VideoFormat} from '../../src/formats';
import {liveFormatFor, mp4FormatFor, PAGE_HEADER_PX, playerBoxRules} from '../../src/player-layout';
import {computeRenderInput} from '../../src/render-input';
import {asksForMoney, type PaidState} from '../../src/paid-state';
import {isOverdueOn} from '../../src/due-state';
import {BASE_PAGE_STYLE, html, trusted, type SafeHtml} from '../platform/html';
import {paidSection} from '../payments/paid-section';
import type {RenderProps} from '../renders/render-record';

/**
 * The one <style> element @remotion/player 4.0.527 injects (box-sizing and fullscreen rules for its own class). The
 * browser test fails on any CSP report, so a Remotion upgrade that changes it is caught there.
 */
const REMOTION_PLAYER_STYLE_HASH = "'sha256-gv/jBVmnD9LQSRVG0n8AQ31cGwpFmZCCHvcOF0Z+Em8='";

/**
 * Scripts run only with the page's nonce. Styles: the page's own by nonce, the Player's by hash; inline `style`
 * properties set through the DOM are not governed by CSP. Media and API calls go only to this origin (Remotion plays a
 * silent data: clip to unlock audio); logos may come from any https host.
 */
/** `storageOrigin`: where the player's files are fetched from when the API redirects to presigned object URLs. */
export const watchPageCsp = (nonce: string, storageOrigin?: string): string =>
	[
		"default-src 'none'",
		`script-src 'nonce-${nonce}'`,
		`style-src 'self' 'nonce-${nonce}' ${REMOTION_PLAYER_STYLE_HASH}`,
		"img-src 'self' https: data:",
		`media-src 'self' blob: data:${storageOrigin ? ` ${storageOrigin}` : ''}`,
		`connect-src 'self'${storageOrigin ? ` ${storageOrigin}` : ''}`,
		"font-src 'self' data:",
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors 'none'",
	].join('; ');

const STYLE = `${BASE_PAGE_STYLE}header{background:var(--primary);color:var(--on-primary);padding:12px 16px;display:flex;align-items:center;gap:12px;box-sizing:border-box;min-height:${PAGE_HEADER_PX}px}
header img{height:32px;width:auto;background:#fff;border-radius:8px;padding:4px 6px}
header h1{font-size:1.1rem;margin:0}
main{max-width:960px;margin:0 auto;padding:0 0 32px}
.player{background:#000;container-type:inline-size}
billcast-player{display:block;margin:0 auto}
video.no-script{display:block;width:100%;max-height:80vh;margin:0 auto}
p.no-script{color:#fff;margin:0;padding:32px 16px;text-align:center}
.card{background:#fff;margin:12px;padding:16px;border-radius:12px}
.amount{font-size:2rem;font-weight:800;margin:0}
.due{margin:4px 0 12px}
.status{display:inline-block;padding:2px 10px;border-radius:999px;background:#ECEAF5;font-weight:600}
.pay{display:block;text-align:center;background:var(--accent);color:var(--on-accent);border:2px solid var(--accent-edge);font-weight:700;font-size:1.1rem;padding:14px;border-radius:999px;text-decoration:none;margin-top:12px}
a:focus-visible,button:focus-visible{outline:3px solid #1A73E8;outline-offset:3px}
table{width:100%;border-collapse:collapse}
caption{text-align:left;font-weight:700;font-size:1.1rem;padding-bottom:8px}
th,td{padding:8px 4px;border-bottom:1px solid #E4E2EE;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
tfoot th,tfoot td{font-weight:800;border-bottom:0}
.options{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
.option{flex:1 1 auto;text-align:center;border:2px solid var(--edge);color:#14121F;font-weight:700;padding:10px 14px;border-radius:999px;text-decoration:none}
.customer{margin:0 0 4px}
.bill-number{margin:12px 0 0;color:#5B5870}
.downloads a{display:inline-block;margin:4px 12px 4px 0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.notice{width:min(480px,calc(100% - 32px));margin:20vh auto;padding:24px;background:#fff;border-radius:12px;text-align:center}
@media (min-width:900px){main{padding-top:16px}.card{margin:16px 0}}
@media (max-width:340px){.card{margin:8px 4px;padding:12px 8px}th,td{padding:8px 3px}}
`;

/** The payment's state on the day the page is built: a bill overdue that day (`isOverdueOn`) reads how many days late. */
const statusText = (summary: BillSummary, today: string): string => {
	const messages = messagesFor(summary.customer.locale);
	const late = daysBetween(summary.dueDate, today);
	switch (summary.status) {
		case 'paid':
			return messages.alreadyPaid;
		case 'autopay':
			return messages.autopay;
		case 'overdue':
		case 'due':
			if (!isOverdueOn(summary, today)) return messages.statusDue;
			if (late <= 0) return messages.statusOverdue;
			return fill(pluralForm(messages.daysLate, {count: late, locale: summary.customer.locale}), {days: numberFormat(summary.customer.locale).format(late)});
	}
};

const page = ({
	nonce,
	lang,
	title,
	colors,
	body,
	css = '',
}: {
	nonce: string;
	lang: string;
	title: string;
	colors: string;
	body: SafeHtml;
	/** Rules computed from trusted constants only (the player's box). */
	css?: string;
}): string =>
	html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${title}</title>
<style nonce="${nonce}">:root{${colors}}${trusted(STYLE)}${trusted(css)}</style>
</head>
<body>${body}</body>
</html>`.value;

export interface WatchPageOptions {
	readonly props: RenderProps;
	readonly token: string;
	readonly nonce: string;
	/** The player script's content-hashed address; the CSP allows only it, by nonce. */
	readonly scriptSrc: string;
	readonly downloads: {readonly video?: string; readonly captions?: string};
	/**
	 * 'mp4' plays the rendered file instead of the live composition (for devices that cannot run it); only when it exists,
	 * and never once paid.
	 */
	readonly playerMode: 'live' | 'mp4';
	/** The formats this bill was rendered in (its own first): MP4 mode plays the one nearest the screen. */
	readonly renderedFormats?: readonly VideoFormat[];
	/** The day the page is built (YYYY-MM-DD), against which the due date is read. */
	readonly today: string;
	/** The payment the tenant confirmed: shown instead of the pay button. */
	readonly paid?: PaidState;
	/** The video speaks, or will: the player starts muted with captions on, so the box has their band from the first byte. */
	readonly speaks?: boolean;
}

/** The personal page: player first, then the amount, the breakdown as a table and a pay button outside the video. */
export const watchPage = ({props, token, nonce, scriptSrc, downloads: rendered, playerMode: asked, renderedFormats = [props.format], today, paid, speaks = false}: WatchPageOptions): string => {
	// The MP4 and its captions are the bill as sent: "we have not received your payment", the days late, the plan. Once
	// paid, the page plays the live player, which draws the bill paid, offers neither file, and without scripts says the
	// video needs them rather than play a video that asks for money no longer owed.
	const downloads: WatchPageOptions['downloads'] = paid ? {} : rendered;
	const playerMode = paid ? 'live' : asked;
	const bill = summarizeBill(props);
	const {locale, currency} = bill.customer;
	const messages = messagesFor(locale);
	const money = (minor: number) => formatMoney({minor, currency, locale});
	// The video's palette, so a pale brand's buttons and header keep their contrast on the page too.
	const palette = brandPalette(bill.brand);
	const colors = [
		`--primary:${palette.primary}`,
		`--on-primary:${palette.onPrimary}`,
		`--accent:${palette.accent}`,
		`--on-accent:${palette.onAccent}`,
		`--accent-edge:${palette.accentEdgeOnCard}`,
		`--edge:${palette.bar}`,
	].join(';');
	const payLink = paid
		? paidSection(paid, locale)
		: needsPayment(bill) && bill.payUrl
			? html`<a class="pay" data-billcast-pay href="${checkoutUrl(bill, bill.payUrl)}">${fill(messages.payNow, {amount: money(bill.amountDue)})}</a>`
			: '';
	// Without scripts the live player cannot start: the browser's own player plays the MP4 when there is one, with its
	// captions, in the box the player would have filled; else the box says that all the video says is on the page.
	const noScriptPlayer = html`<noscript><style nonce="${nonce}">billcast-player{display:none}</style>${
		downloads.video
			? html`<video class="no-script" controls playsinline preload="none" poster="/v1/watch/${token}/poster.jpg" src="${downloads.video}">${
					downloads.captions ? html`<track kind="captions" src="${downloads.captions}" srclang="${writtenLocale(locale)}" label="${messages.player.captions}">` : ''
				}</video>`
			: html`<p class="no-script">${messages.player.noScript}</p>`
	}</noscript>`;
	// Every option the video offers besides paying (instalments, a call, the PDF), here for as long as the page is open;
	// once paid, none that asks for money.
	const seen = new Set<string>();
	const options = computeRenderInput(props)
		.timeline.hotspots.filter(
			(hotspot) => hotspot.kind !== 'pay' && !(paid && asksForMoney(hotspot)) && !seen.has(hotspotHref(hotspot)) && seen.add(hotspotHref(hotspot)),
		)
		.map(
			(hotspot) =>
				html`<a class="option" href="${hotspotHref(hotspot)}"${opensElsewhere(hotspot) ? trusted(' rel="noopener"') : ''}${hotspot.kind === 'bill-pdf' ? trusted(' download') : ''}>${hotspot.label}</a>`,
		);
	const rows = bill.rows.map(
		(row) => html`<tr><th scope="row">${row.group}</th><td>${row.label}</td><td class="num">${money(row.amount)}</td></tr>`,
	);
	const history = bill.paymentHistory.map(
		(payment) =>
			html`<tr><td>${formatDate(payment.date, locale, 'medium')}</td><td>${payment.method ?? ''}</td><td class="num">${money(payment.amount)}</td></tr>`,
	);
	const body = html`
<header>${bill.brand.logoUrl ? html`<img src="${bill.brand.logoUrl}" alt="" data-brand-logo>` : ''}<h1>${bill.brand.name}</h1></header>
<main>
<div class="player"><billcast-player token="${token}" api-base="" mode="${playerMode}" pay-target="_self"></billcast-player>${noScriptPlayer}</div>
<section class="card" aria-labelledby="amount-heading">
<h2 id="amount-heading" class="visually-hidden">${messages.totalTitle}</h2>
<p class="customer">${bill.customer.name}</p>
<p class="amount">${money(bill.amountDue)}</p>
<p class="due">${fill(!paid && isOverdueOn(bill, today) ? messages.dueDatePassed : messages.dueTitle, {date: formatDate(bill.dueDate, locale)})} · <span class="status">${paid ? messages.paidTitle : statusText(bill, today)}</span></p>
${bill.amountPaid ? html`<p class="paid">${fill(messages.paidSoFar, {paid: money(bill.amountPaid), total: money(bill.total)})}</p>` : ''}
${payLink}
${options.length > 0 ? html`<nav class="options" aria-label="${messages.optionsTitle}">${options}</nav>` : ''}
<p class="bill-number">${bill.billNumber}</p>
</section>
${
	rows.length > 0
		? html`<section class="card"><table><caption>${messages.breakdownTitle}</caption>
<thead><tr><th scope="col">${messages.columnCategory}</th><th scope="col">${messages.columnItem}</th><th scope="col" class="num">${messages.columnAmount}</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row" colspan="2">${messages.totalTitle}</th><td class="num">${money(bill.total)}</td></tr></tfoot></table></section>`
		: ''
}
${
	history.length > 0
		? html`<section class="card"><table><caption>${messages.paymentHistoryTitle}</caption>
<thead><tr><th scope="col">${messages.columnDate}</th><th scope="col">${messages.columnMethod}</th><th scope="col" class="num">${messages.columnAmount}</th></tr></thead>
<tbody>${history}</tbody></table></section>`
		: ''
}
${
	downloads.video || downloads.captions
		? html`<section class="card downloads"><h2>${messages.downloadsTitle}</h2>${downloads.video ? html`<a href="${downloads.video}" download="${bill.billNumber}.mp4">${messages.downloadVideo}</a>` : ''}${
				downloads.captions ? html`<a href="${downloads.captions}" download="${bill.billNumber}.vtt">${messages.downloadCaptions}</a>` : ''
			}</section>`
		: ''
}
</main>
<script nonce="${nonce}" src="${scriptSrc}"></script>`;
	// The player's box from the first byte, in the format the player will pick, so nothing below it shifts; then the
	// format it shows, so a turned phone's picture never spills out of it.
	const box = playerBoxRules(
		'billcast-player',
		playerMode === 'mp4'
			? {wide: mp4FormatFor(renderedFormats, false), upright: mp4FormatFor(renderedFormats, true), captions: speaks}
			: {wide: liveFormatFor(false), upright: liveFormatFor(true), captions: speaks},
	);
	return page({nonce, lang: writtenLocale(locale), title: `${bill.brand.name}: ${bill.billNumber}`, colors, body, css: box});
};

/** 404 and 410 pages, and the video's "being prepared": the same neutral look, and nothing about the bill or the render. */
export const watchErrorPage = ({nonce, lang, title, message}: {nonce: string; lang: string; title: string; message: string}): string =>
	page({
		nonce,
		lang,
		title,
		colors: '--primary:#4B2BD6;--on-primary:#fff',
		body: html`<main><div class="notice" role="alert"><h1>${title}</h1><p>${message}</p></div></main>`,
	});
