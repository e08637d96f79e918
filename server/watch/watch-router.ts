import {randomBytes} from 'node:crypto';
import {basename} from 'node:path';
import express, {Router, type Request, type Response} from 'express';
import type {CampaignCounters} from '../analytics/campaign-counters';
import {viewerEventSchema} from '../analytics/viewer-event-schema';
import {NotFoundError, RateLimitedError, ValidationError, WatchLinkExpiredError, WatchLinkInvalidError} from '../platform/errors';
import {ensurePlayerScript, PLAYER_SCRIPT_PATH} from './player-bundle';
import {pickEncoding, sendCompressed} from './send-compressed';
import {videoFormats, type VideoFormat} from '../../src/formats';
import {renderIdInFormat} from '../renders/render-id';
import {artifactKey, type ARTIFACT_FILES} from '../renders/render-paths';
import {isVideoPending, VIDEO_RETRY_AFTER_SECONDS, type OnDemandOutputs} from '../renders/on-demand-outputs';
import {progressOf, type RenderProps, type RenderRecord} from '../renders/render-record';
import {paidView, type PaymentStore} from '../payments/payment-store';
import type {RenderStore} from '../renders/render-store';
import type {ViewerEventsStore} from './viewer-events-store';
import type {WebhookNotifier} from '../webhooks/webhook-notifier';
import {watchErrorPage, watchPage, watchPageCsp} from './watch-page';
import {makeWatchPageCache} from './watch-page-cache';
import {verifyWatchToken} from './watch-token';
import {fieldErrorsFromZod} from '../platform/zod-field-errors';
import {catalogues, fill, messagesFor, writtenLocale} from '../../src/i18n/catalogue';
import {numberFormat} from '../../src/intl-formats';
import {todayAnywhereOnEarth} from '../../src/dates';
import type {WatchData} from '../../src/watch-data';
import type {TemplateBill} from '../../src/templates/registry';
import type {OutputSender} from '../storage/output-sender';
import type {RenderStorage} from '../storage/render-storage';
import type {NarrationQueue} from '../voice/narration-queue';
import type {TenantRegistry} from '../tenants/tenant-registry';

const isWatchLinkError = (error: unknown): error is WatchLinkInvalidError | WatchLinkExpiredError =>
	error instanceof WatchLinkInvalidError || error instanceof WatchLinkExpiredError;

/** Files of a render a viewer may fetch through a watch link, when they exist. */
const viewerFiles = {
	'video.mp4': {artifact: 'video', type: 'video/mp4'},
	'hotspots.json': {artifact: 'hotspots', type: 'application/json'},
	'captions.vtt': {artifact: 'captions', type: 'text/vtt'},
	'chapters.vtt': {artifact: 'chapters', type: 'text/vtt'},
	'narration.m4a': {artifact: 'narration', type: 'audio/mp4'},
} as const satisfies Record<string, {artifact: string; type: string}>;
type ViewerFile = keyof typeof viewerFiles;

/**
 * The viewer's side: the watch page, the player's data and files, and its events. Public by design: the signed token
 * in the path is the only key, so these routes stay outside API authentication and allow any origin to embed them.
 */
export const makeWatchRouter = ({
	store,
	events,
	payments,
	counters,
	storage,
	outputs,
	watchSecret,
	webhooks,
	onDemand,
	tenants,
	narrations,
	now = Date.now,
}: {
	store: RenderStore;
	events: ViewerEventsStore;
	payments: PaymentStore;
	counters: CampaignCounters;
	storage: RenderStorage;
	outputs: OutputSender;
	watchSecret: string;
	webhooks: WebhookNotifier;
	onDemand: OnDemandOutputs;
	/** Whose videos speak: the worker narrates by the same tenant's setting. */
	tenants: TenantRegistry;
	narrations: NarrationQueue;
	/** The clock the viewing day is read from; tests pin it, so a bill's lateness never hangs on when they run. */
	now?: () => number;
}): Router => {
	const router = Router();
	const today = () => todayAnywhereOnEarth(new Date(now()));

	const open = async (token: string): Promise<{record: RenderRecord; props: RenderProps}> => {
		const check = verifyWatchToken({secret: watchSecret, token});
		if (check.status === 'expired') throw new WatchLinkExpiredError();
		if (check.status === 'invalid') throw new WatchLinkInvalidError();
		const [record, props] = await Promise.all([store.get(check.renderId), store.getProps(check.renderId)]);
		if (!record || !props) throw new WatchLinkInvalidError();
		return {record, props};
	};

	/** The storage key of a render's file, when it exists. */
	const fileOf = async (record: RenderRecord, name: ViewerFile): Promise<string | undefined> => {
		// The narration is made before the video, so the live player speaks while the MP4 is rendered.
		if (record.status !== 'completed' && name !== 'narration.m4a') return undefined;
		const key = artifactKey(record.id, viewerFiles[name].artifact as keyof typeof ARTIFACT_FILES);
		return (await storage.exists(key)) ? key : undefined;
	};

	const fileLinks = async (record: RenderRecord, base: string) => {
		const names = Object.keys(viewerFiles) as ViewerFile[];
		const found = await Promise.all(names.map((name) => fileOf(record, name)));
		return Object.fromEntries(names.filter((_, index) => found[index]).map((name) => [name, `${base}/${name}`])) as Partial<Record<ViewerFile, string>>;
	};
	const sendFile = (req: Request, res: Response, key: string, name: ViewerFile, what: string) =>
		outputs.send(req, res, {key, contentType: viewerFiles[name].type, what});
	const csp = (nonce: string) => watchPageCsp(nonce, outputs.redirectOrigin);

	/**
	 * The same bill rendered in another format (same tenant, template, scale and bill, so its id follows from this one's
	 * props): MP4 mode plays the one nearest the screen. Only finished renders with their video count.
	 */
	const siblingOf = async (record: RenderRecord, props: RenderProps, format: VideoFormat): Promise<RenderRecord | undefined> => {
		if (format === record.format) return record;
		const sibling = await store.get(renderIdInFormat(record.tenant, props, format));
		if (!sibling || sibling.tenant !== record.tenant) return undefined;
		const [video, hotspots] = await Promise.all([fileOf(sibling, 'video.mp4'), fileOf(sibling, 'hotspots.json')]);
		return video && hotspots ? sibling : undefined;
	};
	const formatLinks = async (record: RenderRecord, props: RenderProps, base: string) => {
		const found = await Promise.all(
			videoFormats.filter((format) => format !== record.format).map(async (format) => [format, await siblingOf(record, props, format)] as const),
		);
		return Object.fromEntries(
			await Promise.all(found.flatMap(([format, sibling]) => (sibling ? [fileLinks(sibling, `${base}/formats/${format}`).then((links) => [format, links] as const)] : []))),
		) as NonNullable<WatchData['links']['formats']>;
	};

	const HTML = 'text/html; charset=utf-8';
	/** A notice in the watch page's neutral look, under a nonce and a CSP of its own. */
	const noticePage = (res: Response, notice: {lang: string; title: string; message: string}): string => {
		const nonce = randomBytes(16).toString('base64');
		res.set({'Content-Security-Policy': csp(nonce), 'Referrer-Policy': 'no-referrer'});
		return watchErrorPage({nonce, ...notice});
	};

	/**
	 * An on-demand MP4 on its way: 202 with the progress for a player or script, and for a customer who opened the link
	 * from an SMS or email a page that says so and reloads itself (Refresh) until the video itself answers.
	 */
	const sendVideoPending = (req: Request, res: Response, record: RenderRecord, locale: string) => {
		const progress = progressOf(record);
		res.status(202).set({'Retry-After': String(VIDEO_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store'});
		if (req.accepts(['json', 'html']) !== 'html') {
			res.json({status: record.status, progress});
			return;
		}
		res.set('Refresh', String(VIDEO_RETRY_AFTER_SECONDS));
		const texts = messagesFor(locale).linkPages;
		const percent = numberFormat(locale, {style: 'percent'}).format(Math.floor(progress * 100) / 100);
		res.type('html').send(noticePage(res, {lang: writtenLocale(locale), title: texts.preparingTitle, message: fill(texts.preparing, {percent})}));
	};

	/** A link that does not open says nothing about its bill, its language included: the page speaks the viewer's. */
	const sendLinkErrorPage = (req: Request, res: Response, error: WatchLinkInvalidError | WatchLinkExpiredError) => {
		const lang = req.acceptsLanguages(Object.keys(catalogues)) || 'en';
		const texts = messagesFor(lang).linkPages;
		const [title, message] = error instanceof WatchLinkExpiredError ? [texts.expiredTitle, texts.expired] : [texts.invalidTitle, texts.invalid];
		res.set({'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff'});
		sendCompressed(req, res.status(error.status), {type: HTML, body: noticePage(res, {lang, title, message})});
	};

	const pages = makeWatchPageCache();
	router.use(['/v1/watch', '/player'], (_req, res, next) => {
		res.set('Access-Control-Allow-Origin', '*');
		next();
	});

	// A link cut short before its token (an SMS split, a copy gone wrong) is a customer's link that does not work, like a
	// broken token; `/w/` too, since routes here ignore a trailing slash.
	router.get('/w', (req, res) => sendLinkErrorPage(req, res, new WatchLinkInvalidError()));

	// The customer's page. Its player draws the composition live in the browser (public/src/live-stage.tsx) from the same
	// computeRenderInput as the worker, and its hotspots are buttons (public/src/hotspot-overlay.tsx); the rendered MP4
	// plays only with ?player=mp4, without scripts, or as the download.
	router.get('/w/:token', async (req, res) => {
		const nonce = randomBytes(16).toString('base64');
		res.set({
			'Content-Security-Policy': csp(nonce),
			'Cache-Control': 'no-store',
			// The token in the address is the key to the bill: never hand it to another site.
			'Referrer-Policy': 'no-referrer',
			'X-Content-Type-Options': 'nosniff',
		});
		try {
			const [opened, script] = await Promise.all([open(req.params.token), ensurePlayerScript()]);
			const {props} = opened;
			const payment = await payments.get(opened.record, props);
			// MP4 mode asked for an on-demand video: it starts rendering, and the live player shows the bill meanwhile. A paid
			// bill plays live (the MP4 is the bill as sent, see watchPage): nothing to render for it.
			const mp4 = req.query.player === 'mp4' && !payment;
			const record = mp4 ? await onDemand.requestVideo(opened.record) : opened.record;
			const links = await fileLinks(record, `/v1/watch/${req.params.token}`);
			const inputs = {
				props,
				token: req.params.token,
				scriptSrc: script.hashedPath,
				today: today(),
				downloads: {video: links['video.mp4'], captions: links['captions.vtt']},
				playerMode: mp4 && links['video.mp4'] && links['hotspots.json'] ? ('mp4' as const) : ('live' as const),
				renderedFormats: [props.format, ...(Object.keys(await formatLinks(record, props, '')) as VideoFormat[])],
				...(payment ? {paid: paidView(payment)} : {}),
				speaks: links['narration.m4a'] !== undefined || tenants.byId(record.tenant)?.narration?.status === 'on',
			};
			sendCompressed(req, res, {type: HTML, body: pages.page({inputs, nonce, build: (slot) => watchPage({...inputs, nonce: slot})})});
		} catch (error) {
			if (!isWatchLinkError(error)) throw error;
			sendLinkErrorPage(req, res, error);
		}
	});

	router.get('/v1/watch/:token', async (req, res) => {
		const {record, props} = await open(req.params.token);
		const base = `/v1/watch/${req.params.token}`;
		// Each file is looked up once (a HEAD request each with S3), the narration's among them.
		const [payment, files, formats] = await Promise.all([payments.get(record, props), fileLinks(record, base), formatLinks(record, props, base)]);
		// Renders finished before the speech had a key of its own carry it in their output only.
		const speech = files['narration.m4a']
			? ((await store.getSpeech(record.id)) ?? (record.status === 'completed' ? record.output.speech : undefined))
			: undefined;
		// Its narration is queued with the render, so a video being made speaks soon; a finished or failed one never will.
		// An on-demand video's is made when its link is first watched, as its MP4 is when first asked for: a billing cycle
		// pays for the voices customers hear (one job per render: its id is a digest of the render's, and a made voice ends the asking).
		const speaks = !speech && tenants.byId(record.tenant)?.narration?.status === 'on';
		if (speaks && record.status === 'on-demand') await narrations.request(record.id);
		// A narration that failed is kept a day (then the next view asks again); meanwhile nothing is on its way.
		const pending =
			speaks &&
			(record.status === 'queued' ||
				record.status === 'rendering' ||
				(record.status === 'on-demand' && (await narrations.state(record.id)) !== 'failed'));
		const data: WatchData = {
			// Taken apart, the template and its bill are still the pair RenderProps holds, which TypeScript cannot follow.
			...({template: props.template, bill: props.bill} as TemplateBill),
			format: props.format,
			...(speech ? {narration: {audioSrc: `${base}/narration.m4a`, speech}} : {}),
			...(pending ? {narrationPending: true as const} : {}),
			...(payment ? {paid: paidView(payment)} : {}),
			today: today(),
			links: {events: `${base}/events`, ...files, formats},
		};
		sendCompressed(req, res.set('Cache-Control', 'no-store'), {type: 'application/json; charset=utf-8', body: JSON.stringify(data)});
	});

	router.get('/v1/watch/:token/formats/:format/:file', async (req, res) => {
		const name = req.params.file as ViewerFile;
		const format = req.params.format as VideoFormat;
		if (!Object.hasOwn(viewerFiles, name) || !videoFormats.includes(format)) throw new NotFoundError(`${req.path}`);
		const {record, props} = await open(req.params.token);
		const sibling = await siblingOf(record, props, format);
		const key = sibling && (await fileOf(sibling, name));
		if (!key) throw new NotFoundError(`The ${format} ${name} of this video`);
		await sendFile(req, res, key, name, `The ${format} ${name} of this video`);
	});

	// An email's <img>: always an image, drawn at the first fetch when the poster was left on demand.
	router.get('/v1/watch/:token/poster.jpg', async (req, res) => {
		await onDemand.sendPoster(req, res, (await open(req.params.token)).record);
	});

	router.get('/v1/watch/:token/:file', async (req, res) => {
		const name = req.params.file as ViewerFile;
		if (!Object.hasOwn(viewerFiles, name)) throw new NotFoundError(`${req.path}`);
		let opened: Awaited<ReturnType<typeof open>>;
		try {
			opened = await open(req.params.token);
		} catch (error) {
			// The video's link goes out in SMS and emails beside the watch link: a browser gets the page, not problem+json.
			if (name !== 'video.mp4' || !isWatchLinkError(error) || req.accepts(['json', 'html']) !== 'html') throw error;
			sendLinkErrorPage(req, res, error);
			return;
		}
		if (name === 'video.mp4') {
			// The link in an SMS points at the MP4 made when the bill was sent, whose frames ask for a payment already made.
			// A customer opening it in a browser is sent to the watch page, which shows the bill paid (and renders nothing);
			// a <video>, curl or a download tool asks with */* or video/* and still gets the bytes, so no embed or script that
			// plays this address breaks. The same address answers either way: caches keep the two apart, and no cache keeps
			// the redirect, which follows the payment.
			res.vary('Sec-Fetch-Dest').vary('Accept');
			const opensPage = req.get('sec-fetch-dest') === 'document' || req.accepts(['video/mp4', 'html']) === 'html';
			if (opensPage && (await payments.get(opened.record, opened.props))) {
				res.set('Cache-Control', 'no-store').redirect(303, `/w/${encodeURIComponent(req.params.token)}`);
				return;
			}
		}
		const record = name === 'video.mp4' ? await onDemand.requestVideo(opened.record) : opened.record;
		if (name === 'video.mp4' && isVideoPending(record)) {
			sendVideoPending(req, res, record, opened.props.bill.customer.locale);
			return;
		}
		// The key is built from a verified render id, never from the request.
		const key = await fileOf(record, name);
		if (!key) throw new NotFoundError(`The ${name} of this video`);
		await sendFile(req, res, key, name, `The ${name} of this video`);
	});

	// sendBeacon posts text/plain so embedding pages on other origins need no CORS preflight.
	router.post('/v1/watch/:token/events', express.text({type: ['text/plain', 'application/json'], limit: '4kb'}), async (req, res) => {
		const {record, props} = await open(req.params.token);
		if (!(await events.allow(req.params.token))) throw new RateLimitedError('viewer events for this link');
		let body: unknown;
		try {
			body = typeof req.body === 'string' ? JSON.parse(req.body) : req.body;
		} catch {
			throw new ValidationError([{path: '', message: 'must be a JSON event such as {"type":"view_started"}'}]);
		}
		const parsed = viewerEventSchema.safeParse(body);
		if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error));
		// Independent writes: the per-render summary and the campaign counters go to Redis side by side.
		await Promise.all([
			events.record(record.id, parsed.data.type),
			counters.viewerEvent({record, locale: props.bill.customer.locale, ...parsed.data, userAgent: req.get('user-agent')}),
		]);
		if (parsed.data.type === 'pay_clicked') await webhooks.paymentClicked(record, parsed.data.hotspot);
		res.status(204).end();
	});

	const sendScript = async (req: Request, res: Response, cacheControl: string) => {
		const script = await ensurePlayerScript();
		const encoding = pickEncoding(req);
		const body = encoding === 'br' ? script.bodies.br : encoding === 'gzip' ? script.bodies.gzip : script.bodies.identity;
		res.set({
			'Content-Type': 'text/javascript; charset=utf-8',
			'Cache-Control': cacheControl,
			Vary: 'Accept-Encoding',
			ETag: script.etag.replace(/"$/, `-${encoding}"`),
			...(encoding === 'identity' ? {} : {'Content-Encoding': encoding}),
		});
		res.send(body);
	};
	// Embedding pages name this address in their own HTML, so it may change under them: cached briefly.
	router.get(PLAYER_SCRIPT_PATH, (req, res) => sendScript(req, res, 'public, max-age=300'));
	router.get('/player/:file', async (req, res) => {
		if (req.params.file !== basename((await ensurePlayerScript()).hashedPath)) throw new NotFoundError(req.path);
		await sendScript(req, res, 'public, max-age=31536000, immutable');
	});

	return router;
};
