import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {summarizeBill} from '../../src/bill-summary';
import {textColorOn} from '../../src/color';
import {computeRenderInput} from '../../src/render-input';
import {progressEventsAt} from '../../src/viewer-events';
import type {Hotspot} from '../../src/timeline';
import type {SendEvent} from './event-sender';
import {HotspotOverlay, isHotspotVisible} from './hotspot-overlay';
import {LiveStage} from './live-stage';
import {Mp4Stage} from './mp4-stage';
import {asPaid, PaidBanner, withoutPayOncePaid} from './paid-banner';
import {PaySheet} from './pay-sheet';
import {withScene} from './scene-events';
import type {Playback} from './playback';
import {cueAt, parseVtt, type Cue} from './vtt';
import type {HotspotManifest, WatchData} from './watch-data';

export type PlayerMode = 'live' | 'mp4';

export interface BillPlayerProps {
	readonly data: WatchData;
	readonly mode: PlayerMode;
	/** Resolved MP4-mode manifest; only in MP4 mode. */
	readonly manifest: HotspotManifest | undefined;
	readonly resolveUrl: (path: string) => string;
	readonly payTarget: '_blank' | '_self';
	readonly sendEvent: SendEvent;
	readonly onReady: (playback: Playback) => void;
}

const prefersReducedMotion = (): boolean => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * The player shell: a stage (live composition or MP4), the hotspot overlay on the timeline's rectangles, captions,
 * keyboard controls and the pay sheet. Duration and hotspots come from `computeRenderInput`, the function the renderer
 * uses, or in MP4 mode from the manifest written beside the file from that same timeline.
 */
export const BillPlayer: React.FC<BillPlayerProps> = ({data, mode, manifest, resolveUrl, payTarget, sendEvent: send, onReady}) => {
	const input = useMemo(() => computeRenderInput(asPaid(data, data.paid)), [data]);
	const shape = mode === 'mp4' && manifest ? manifest : input;
	const hotspots = withoutPayOncePaid(mode === 'mp4' && manifest ? manifest.hotspots : input.timeline.hotspots, data.paid);
	const reducedMotion = useMemo(prefersReducedMotion, []);
	// With reduced motion the video waits, paused on the greeting once it has settled, instead of playing by itself.
	const initialFrame = reducedMotion ? (input.timeline.staticHolds[0]?.from ?? 0) : 0;
	const [frame, setFrame] = useState(initialFrame);
	const frameRef = useRef(frame);
	frameRef.current = frame;
	const sendEvent = useMemo(() => withScene(send, input.timeline.scenes, () => frameRef.current), [send, input]);
	const [width, setWidth] = useState(0);
	const [payHotspot, setPayHotspot] = useState<Hotspot | undefined>();
	const [captionsOn, setCaptionsOn] = useState(false);
	const [cues, setCues] = useState<Cue[]>([]);
	const playbackRef = useRef<Playback | undefined>(undefined);
	const rootRef = useRef<HTMLDivElement>(null);
	const captionsUrl = data.links['captions.vtt'] ? resolveUrl(data.links['captions.vtt']) : undefined;

	useEffect(() => {
		const root = rootRef.current;
		if (!root) return;
		const observer = new ResizeObserver(() => setWidth(root.clientWidth));
		observer.observe(root);
		setWidth(root.clientWidth);
		return () => observer.disconnect();
	}, []);

	useEffect(() => {
		if (mode !== 'live' || !captionsOn || !captionsUrl || cues.length > 0) return;
		void fetch(captionsUrl)
			.then((response) => (response.ok ? response.text() : ''))
			.then((text) => setCues(parseVtt(text)))
			.catch(() => undefined);
	}, [mode, captionsOn, captionsUrl, cues.length]);

	useEffect(() => {
		for (const type of progressEventsAt(frame / Math.max(1, shape.durationInFrames - 1))) sendEvent({type});
		for (const hotspot of hotspots) if (isHotspotVisible(hotspot, frame)) sendEvent({type: 'hotspot_shown', hotspot: hotspot.id});
	}, [frame, hotspots, shape.durationInFrames, sendEvent]);

	const ready = useCallback(
		(playback: Playback) => {
			playbackRef.current = playback;
			onReady(playback);
		},
		[onReady],
	);
	const started = useCallback(() => sendEvent({type: 'view_started'}), [sendEvent]);

	const activate = useCallback(
		(hotspot: Hotspot) => {
			sendEvent({type: 'hotspot_clicked', hotspot: hotspot.id});
			if (hotspot.kind !== 'pay') return;
			playbackRef.current?.pause();
			setPayHotspot(hotspot);
		},
		[sendEvent],
	);
	const closeSheet = useCallback(() => {
		setPayHotspot(undefined);
		playbackRef.current?.play();
		rootRef.current?.focus();
	}, []);

	const onKeyDown = (event: React.KeyboardEvent) => {
		const playback = playbackRef.current;
		if (!playback || event.target !== event.currentTarget) return;
		const step = 5 * shape.fps;
		const keys: Record<string, () => void> = {
			' ': () => (playback.isPlaying() ? playback.pause() : playback.play()),
			k: () => (playback.isPlaying() ? playback.pause() : playback.play()),
			ArrowLeft: () => playback.seekToFrame(Math.max(0, frame - step)),
			ArrowRight: () => playback.seekToFrame(Math.min(shape.durationInFrames - 1, frame + step)),
			Home: () => playback.seekToFrame(0),
			c: () => captionsUrl && setCaptionsOn((on) => !on),
		};
		const action = keys[event.key];
		if (!action) return;
		event.preventDefault();
		action();
	};

	const stage = {
		durationInFrames: shape.durationInFrames,
		fps: shape.fps,
		width: shape.width,
		height: shape.height,
		initialFrame,
		autoPlay: !reducedMotion,
		onReady: ready,
		onFrame: setFrame,
		onPlay: started,
	};
	const cue = mode === 'live' && captionsOn ? cueAt(cues, frame / shape.fps) : undefined;
	const accent = data.bill.brand.accentColor ?? data.bill.brand.primaryColor;
	return (
		<div
			ref={rootRef}
			className="bc-root"
			role="region"
			aria-label={`${data.bill.brand.name} bill video. Space plays or pauses, arrows seek${captionsUrl ? ', C toggles captions' : ''}.`}
			tabIndex={0}
			onKeyDown={onKeyDown}
			style={{
				aspectRatio: `${shape.width} / ${shape.height}`,
				width: `min(100%, calc(85vh * ${shape.width / shape.height}))`,
				['--bc-accent' as string]: accent,
				['--bc-on-accent' as string]: textColorOn(accent),
			}}
		>
			{mode === 'mp4' && data.links['video.mp4'] ? (
				<Mp4Stage {...stage} src={resolveUrl(data.links['video.mp4'])} captionsSrc={captionsUrl} captionsOn={captionsOn} />
			) : (
				<LiveStage {...stage} template={data.template} inputProps={input.inputProps} />
			)}
			<HotspotOverlay hotspots={hotspots} frame={frame} scale={width / shape.width} linkTarget={payTarget} onActivate={activate} />
			{data.paid ? <PaidBanner paid={data.paid} locale={data.bill.customer.locale} /> : null}
			{cue ? (
				<div className="bc-caption" aria-live="polite">
					<span>{cue.text}</span>
				</div>
			) : null}
			{captionsUrl ? (
				<div className="bc-bar">
					<button type="button" aria-pressed={captionsOn} onClick={() => setCaptionsOn((on) => !on)}>
						CC
					</button>
				</div>
			) : null}
			{payHotspot ? (
				<PaySheet
					bill={summarizeBill(data)}
					payUrl={payHotspot.href}
					target={payTarget}
					onPay={() => sendEvent({type: 'pay_clicked', hotspot: payHotspot.id})}
					onClose={closeSheet}
				/>
			) : null}
		</div>
	);
};
