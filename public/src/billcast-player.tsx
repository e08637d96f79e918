/**
 * The embeddable player: one script that gives any page `<billcast-player token="..." api-base="...">` (or
 * `src=".../v1/watch/<token>"`) and `Billcast.mount(element, {token, apiBase})`.
 */
import './zod-jitless';
import {createRoot, type Root} from 'react-dom/client';
import {messagesFor} from '../../src/i18n/catalogue';
import {BillPlayer, type PlayerMode} from './bill-player';
import {makeEventSender, type SendEvent} from './event-sender';
import {pollForNarration} from './narration-poll';
import type {Playback} from './playback';
import {adoptPlayerStyles} from './player-styles';
import {fetchHotspotManifest, fetchWatchData, type WatchData} from './watch-data';
import type {VideoFormat} from '../../src/formats';
import {FORMAT_ATTRIBUTE, mp4FormatFor, PHONE_PORTRAIT_QUERY} from '../../src/player-layout';
import {hideBrokenPageLogo} from './page-logo';

export interface MountOptions {
	readonly token: string;
	/** Origin of the billcast API; empty for the page's own. */
	readonly apiBase?: string;
	/** 'live' plays the composition in the browser; 'mp4' plays the rendered file (falls back to live when none exists). */
	readonly mode?: PlayerMode;
	/** Where the checkout opens: a new tab (default) or this window. */
	readonly payTarget?: '_blank' | '_self';
}

export interface PlayerHandle {
	/** Resolves once the video can be controlled. */
	readonly ready: Promise<Playback>;
	readonly sendEvent: Promise<SendEvent>;
	unmount(): void;
}

/** MP4 mode: the watch data as if the bill had been rendered only in the format nearest the screen. */
const nearestRendered = (data: WatchData): WatchData => {
	const rendered = [data.format, ...(Object.keys(data.links.formats ?? {}) as VideoFormat[])];
	const format = mp4FormatFor(rendered, window.matchMedia?.(PHONE_PORTRAIT_QUERY).matches ?? false);
	const files = format === data.format ? undefined : data.links.formats?.[format];
	return files ? {...data, format, links: {...files, events: data.links.events}} : data;
};

export const mount = (element: HTMLElement, {token, apiBase = '', mode = 'live', payTarget = '_blank'}: MountOptions): PlayerHandle => {
	adoptPlayerStyles();
	const root: Root = createRoot(element);
	const resolveUrl = (path: string) => new URL(path, apiBase || window.location.href).href;
	let resolveReady: (playback: Playback) => void = () => undefined;
	const ready = new Promise<Playback>((resolve) => (resolveReady = resolve));
	let unmounted = false;
	let stopPolling: () => void = () => undefined;
	// The watch page sizes the player's box by it; a host page may too.
	const onFormat = (format: VideoFormat) => element.setAttribute(FORMAT_ATTRIBUTE, format);
	const start = (async () => {
		const load = () => fetchWatchData(apiBase, token);
		const shown = (data: WatchData) => (mode === 'mp4' ? nearestRendered(data) : data);
		const data = shown(await load());
		const sendEvent = makeEventSender(resolveUrl(data.links.events));
		const manifestUrl = data.links['hotspots.json'];
		const useMp4 = mode === 'mp4' && Boolean(data.links['video.mp4']) && Boolean(manifestUrl);
		const manifest = useMp4 && manifestUrl ? await fetchHotspotManifest(resolveUrl(manifestUrl)) : undefined;
		const render = (current: WatchData) =>
			root.render(
				<BillPlayer
					data={current}
					mode={useMp4 ? 'mp4' : 'live'}
					manifest={manifest}
					resolveUrl={resolveUrl}
					payTarget={payTarget}
					sendEvent={sendEvent}
					onReady={resolveReady}
					onFormat={onFormat}
				/>,
			);
		render(data);
		// The voice is made a few seconds after the render was asked for: the live player takes it up as it comes, the same
		// player going on with the narrated timeline. The MP4 carries its own sound.
		if (!useMp4 && data.narrationPending && !unmounted) stopPolling = pollForNarration({load, onArrived: (next) => render(shown(next))});
		return sendEvent;
	})();
	start.catch(() => {
		// Without the bill there is no bill locale: the host page's language, else the browser's.
		const locale = element.closest('[lang]')?.getAttribute('lang') || navigator.language;
		root.render(
			<p className="bc-error" role="alert">
				{messagesFor(locale).player.unavailable}
			</p>,
		);
	});
	return {
		ready,
		sendEvent: start,
		unmount: () => {
			unmounted = true;
			stopPolling();
			root.unmount();
		},
	};
};

/** `src` may name the watch data URL itself: its origin is the API and its last segment the token. */
const optionsOf = (element: HTMLElement): MountOptions => {
	const src = element.getAttribute('src');
	const fromSrc = src ? new URL(src, window.location.href) : undefined;
	const mode = element.getAttribute('mode') === 'mp4' ? 'mp4' : 'live';
	const payTarget = element.getAttribute('pay-target') === '_self' ? '_self' : '_blank';
	return fromSrc
		? {token: decodeURIComponent(fromSrc.pathname.split('/').pop() ?? ''), apiBase: fromSrc.origin, mode, payTarget}
		: {token: element.getAttribute('token') ?? '', apiBase: element.getAttribute('api-base') ?? '', mode, payTarget};
};

export class BillcastPlayerElement extends HTMLElement {
	private handle: PlayerHandle | undefined;

	connectedCallback(): void {
		this.style.display ||= 'block';
		this.handle = mount(this, optionsOf(this));
	}

	disconnectedCallback(): void {
		this.handle?.unmount();
		this.handle = undefined;
	}

	/** Controls for the host page (and tests): resolve once the video is ready. */
	async seekToFrame(frame: number): Promise<void> {
		(await this.handle?.ready)?.seekToFrame(frame);
	}

	async pause(): Promise<void> {
		(await this.handle?.ready)?.pause();
	}

	async play(): Promise<void> {
		(await this.handle?.ready)?.play();
	}

	/** Reports a pay click made outside the video (the watch page's own pay button). */
	async reportPayClick(): Promise<void> {
		(await this.handle?.sendEvent)?.({type: 'pay_clicked', hotspot: 'page'});
	}
}

if (!customElements.get('billcast-player')) customElements.define('billcast-player', BillcastPlayerElement);

hideBrokenPageLogo();

document.addEventListener('click', (event) => {
	const link = (event.target as Element | null)?.closest?.('[data-billcast-pay]');
	if (!link) return;
	void document.querySelector<BillcastPlayerElement>('billcast-player')?.reportPayClick();
});

declare global {
	interface Window {
		Billcast: {mount: typeof mount};
	}
}
window.Billcast = {mount};
