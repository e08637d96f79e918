import {randomBytes} from 'node:crypto';
import express, {Router, type Request, type Response} from 'express';
import {exportFormat, sendAnalyticsExport} from '../analytics/analytics-rows';
import {batchAnalytics} from '../analytics/batch-analytics';
import type {CampaignCounters} from '../analytics/campaign-counters';
import type {CampaignIndex} from '../analytics/campaign-index';
import {campaignReport} from '../analytics/campaign-report';
import type {BatchStore} from '../batches/batch-store';
import type {TenantRegistry} from '../tenants/tenant-registry';
import {dashboardLangs, type DashboardLang} from './dashboard-messages';
import {campaignListPage, campaignNotFoundPage, campaignPage, dashboardCsp, signInPage, type PageContext} from './dashboard-pages';
import {SESSION_COOKIE, SESSION_TTL_SECONDS, sessionCookieOf, type DashboardSessions} from './sessions';

/** The newest campaigns the list shows; each costs a few reads of its counters. */
const LIST_LIMIT = 50;

const langOf = (req: Request): DashboardLang => {
	const asked = req.query.lang;
	if (typeof asked === 'string' && (dashboardLangs as string[]).includes(asked)) return asked as DashboardLang;
	return (req.acceptsLanguages(...dashboardLangs) || 'en') as DashboardLang;
};

/** Every dashboard answer: its own nonce and CSP, never cached, never framed, never sending its address on. */
const pageContext = (req: Request, res: Response): PageContext => {
	const nonce = randomBytes(16).toString('base64');
	res.set({
		'Content-Security-Policy': dashboardCsp(nonce),
		'Cache-Control': 'no-store',
		'Referrer-Policy': 'no-referrer',
		'X-Content-Type-Options': 'nosniff',
	});
	return {lang: langOf(req), nonce};
};

/**
 * `/dashboard`: a tenant's campaigns for its marketing and operations people. A read key (or a full one) is exchanged
 * for an HttpOnly, SameSite=Strict session cookie scoped to this path; a submit-only key is refused. Pages name no
 * customer: only counts, rates and amounts.
 */
export const makeDashboardRouter = ({
	tenants,
	sessions,
	batches,
	campaigns,
	counters,
	secureCookies,
}: {
	tenants: TenantRegistry;
	sessions: DashboardSessions;
	batches: BatchStore;
	campaigns: CampaignIndex;
	counters: CampaignCounters;
	/** Mark the cookie Secure: the public address is https. */
	secureCookies: boolean;
}): Router => {
	const router = Router();
	const tenantOf = (req: Request) => sessions.tenantOf(sessionCookieOf(req.get('cookie')));
	const ownCampaign = async (req: Request, tenant: string) => {
		const batch = await batches.get(String(req.params.id));
		return batch && batch.tenant === tenant ? batch : undefined;
	};
	const notFound = (req: Request, res: Response) => {
		const context = pageContext(req, res);
		res.status(404).type('html').send(campaignNotFoundPage(context));
	};

	router.get('/dashboard', async (req, res) => {
		const context = pageContext(req, res);
		const tenant = await tenantOf(req);
		if (!tenant) return void res.type('html').send(signInPage(context));
		const ids = await campaigns.campaignsOf(tenant, LIST_LIMIT);
		const found = await Promise.all(ids.map(async (id) => ({batch: await batches.get(id), counts: await counters.batch(id)})));
		const list = found.flatMap(({batch, counts}) => (batch ? [{batchId: batch.id, createdAt: batch.createdAt, report: campaignReport(counts.total)}] : []));
		res.type('html').send(campaignListPage(context, list));
	});

	router.post('/dashboard/session', express.urlencoded({extended: false, limit: '2kb'}), async (req, res) => {
		const context = pageContext(req, res);
		const key = typeof req.body?.key === 'string' ? req.body.key.trim() : '';
		const found = key ? tenants.accessOf(key) : undefined;
		if (!found) return void res.status(401).type('html').send(signInPage(context, 'bad-key'));
		if (found.access === 'submit') return void res.status(403).type('html').send(signInPage(context, 'not-read'));
		const token = await sessions.open(found.tenant.id);
		res.cookie(SESSION_COOKIE, token, {httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/dashboard', maxAge: SESSION_TTL_SECONDS * 1000});
		res.redirect(303, `/dashboard?lang=${context.lang}`);
	});

	router.post('/dashboard/sign-out', async (req, res) => {
		await sessions.close(sessionCookieOf(req.get('cookie')));
		res.clearCookie(SESSION_COOKIE, {path: '/dashboard'});
		res.redirect(303, '/dashboard');
	});

	router.get('/dashboard/campaigns/:id', async (req, res) => {
		const tenant = await tenantOf(req);
		if (!tenant) return void res.redirect(303, `/dashboard?lang=${langOf(req)}`);
		const batch = await ownCampaign(req, tenant);
		if (!batch) return notFound(req, res);
		const context = pageContext(req, res);
		const {report, byDay, experiment} = await batchAnalytics({counters, campaigns}, batch.id);
		res.type('html').send(campaignPage(context, {batchId: batch.id, createdAt: batch.createdAt, report, byDay, comparison: experiment}));
	});

	router.get('/dashboard/campaigns/:id/analytics.:format', async (req, res) => {
		const format = exportFormat(req.params.format);
		const tenant = await tenantOf(req);
		const batch = tenant ? await ownCampaign(req, tenant) : undefined;
		if (!batch) return notFound(req, res);
		const {rows} = await batchAnalytics({counters, campaigns}, batch.id);
		sendAnalyticsExport(res, format, `${batch.id}-analytics`, rows);
	});

	return router;
};
