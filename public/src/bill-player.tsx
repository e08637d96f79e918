import {useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState} from 'react';
import {summarizeBill} from '../../src/bill-summary';
import {captionCues} from '../../src/captions';
import {formatDate} from '../../src/dates';
import {fill, messagesFor, writtenLocale} from '../../src/i18n/catalogue';
import {formatMoney} from '../../src/money';
import {CAPTION_BAND_PADDING_PX, CAPTIONS_ATTRIBUTE, captionsOverPicture, liveFormatFor, PHONE_PORTRAIT_QUERY} from '../../src/player-layout';
import {asSeenOn, isOverdueOn} from '../../src/due-state';
import {moneyAskSpeech} from '../../src/paid-silence';
import {asksForMoney} from '../../src/paid-state';
import {brandPalette} from '../../src/palette';
import {computeRenderInput, scriptFor} from '../../src/render-input';
import {speechUnsaidBy} from '../../src/unsaid-speech';
import type {VideoFormat} from '../../src/formats';
import {frameAcross, sceneStartAcross, type Hotspot, type Timeline} from '../../src/timeline';
import {ChapterMenu} from './chapter-menu';
import {chapterAt, chaptersIn} from './chapters';
import {clock} from './clock';
import {withScene, type SendEvent} from './event-sender';
import {HotspotOverlay, isHotspotVisible} from './hotspot-overlay';
import {Icon} from './icons';
import {LiveStage} from './live-stage';
import {Mp4Stage} from './mp4-stage';
import {asPaid, PaidBanner, PaidStamps, withoutMoneyAsksOncePaid} from './paid-banner';
import {PaySheet} from './pay-sheet';
import {CAPTION_SMALLEST_PX} from './player-styles';
import type {Playback} from './playback';
import {afterFirstGesture, rememberedSoundOn, rememberSound} from './sound-preference';
import {cueAt, parseVtt, type Cue} from './vtt';
import type {HotspotManifest, WatchData} from './watch-data';
import {makeWatchTracker} from './watched';

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
	/** The format shown, whenever it changes: the host sizes the player's box to it. */
	readonly onFormat: (format: VideoFormat) => void;
}

/** 'idle' until the first play, so the personal intro card shows until then; 'ended' stays on the last frame. */
type PlayState = 'idle' | 'playing' | 'paused' | 'ended';

type Sheet =
	| {readonly status: 'closed'}
	| {readonly status: 'open'; readonly hotspot: Hotspot; readonly opener: Element | null; readonly resume: boolean};

const phoneUpright = (): boolean => window.matchMedia?.(PHONE_PORTRAIT_QUERY).matches ?? false;

/** Every scene starts and lasts the same in both: a frame shows the same moment in either. */
const sameFrames = (a: Timeline, b: Timeline): boolean =>
	a.scenes.length === b.scenes.length &&
	a.scenes.every((scene, index) => {
		const other = b.scenes[index];
		return other?.id === scene.id && other.from === scene.from && other.durationInFrames === scene.durationInFrames;
	});

const prefersReducedMotion = (): boolean => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** Each step a cue too long for the band's two lines is drawn smaller by, down to the smallest size. */
const CAPTION_FIT_STEP = 0.92;

/**
 * The captions' own band under the picture (not over it: there a cue hid the scene's own text), except in a box too
 * small to give it room (`over`, see `captionsOverPicture`), where the same band lies over the picture's foot. It is
 * there as long as captions are on, cue or none, so the picture keeps its size from cue to cue; the live region stays
 * with it, so each new cue is read out. A cue that would take more than the band's two lines is drawn smaller,
 * measured before paint, down to `CAPTION_SMALLEST_PX`; past that the band scrolls.
 */
const CaptionBand: React.FC<{text: string | undefined; over: boolean}> = ({text, over}) => {
	const bandRef = useRef<HTMLDivElement>(null);
	const [bandWidth, setBandWidth] = useState(0);
	useEffect(() => {
		const band = bandRef.current;
		if (!band) return;
		const observer = new ResizeObserver(() => setBandWidth(band.clientWidth));
		observer.observe(band);
		return () => observer.disconnect();
	}, []);
	useLayoutEffect(() => {
		const band = bandRef.current;
		const caption = band?.querySelector<HTMLElement>('.bc-caption');
		if (!band || !caption) return;
		let fit = 1;
		caption.style.removeProperty('--bc-caption-fit');
		// The cue's own height, not the band's scroll height: over the picture a cue too tall grows upwards, out of reach of it.
		const tooTall = () => caption.offsetHeight > band.clientHeight - 2 * CAPTION_BAND_PADDING_PX + 0.5;
		while (tooTall() && Number.parseFloat(getComputedStyle(caption).fontSize) > CAPTION_SMALLEST_PX) {
			fit *= CAPTION_FIT_STEP;
			caption.style.setProperty('--bc-caption-fit', String(fit));
		}
	}, [text, bandWidth]);
	return (
		<div ref={bandRef} className={over ? 'bc-band bc-band-over' : 'bc-band'} aria-live="polite">
			{text ? (
				<div className="bc-caption">
					<span>{text}</span>
				</div>
			) : null}
		</div>
	);
};

/**
 * The player shell: a stage (live composition or MP4), the hotspot overlay on the timeline's rectangles, captions in
 * their band below the picture, its own control bar and the pay sheet, all inside one element that is also what goes
 * fullscreen. Duration and hotspots come from `computeRenderInput`, the function the renderer uses, or in MP4 mode from
 * the manifest written beside the file from that same timeline.
 */
export const BillPlayer: React.FC<BillPlayerProps> = ({data, mode, manifest, resolveUrl, payTarget, sendEvent: send, onReady, onFormat}) => {
	const {locale, currency} = data.bill.customer;
	const messages = messagesFor(locale);
	// The track is a watch route beside the watch data: resolved the same way, since the player may sit on another origin.
	const narration = useMemo(() => (data.narration ? {...data.narration, audioSrc: resolveUrl(data.narration.audioSrc)} : undefined), [data.narration, resolveUrl]);
	// Follows the phone as it turns, so the picture keeps the shape of the screen and of the page's box for it.
	const [liveFormat, setLiveFormat] = useState(() => liveFormatFor(phoneUpright()));
	useEffect(() => {
		if (mode !== 'live') return;
		const query = window.matchMedia?.(PHONE_PORTRAIT_QUERY);
		const turned = () => setLiveFormat(liveFormatFor(query.matches));
		query?.addEventListener('change', turned);
		return () => query?.removeEventListener('change', turned);
	}, [mode]);
	// An MP4 keeps the shape it was rendered in, however the screen turns.
	const format = mode === 'mp4' ? data.format : liveFormat;
	useLayoutEffect(() => onFormat(format), [format, onFormat]);
	// Live, the bill as it stands on the viewing day the server sent, as the watch page reads it: sent as due and still
	// owed past its due date, it is overdue. An MP4 (its frames, captions file and voice) is the bill as rendered.
	const current = useMemo(() => (mode === 'live' && data.today ? asSeenOn(data, data.today) : data), [data, mode]);
	const input = useMemo(() => {
		const shown = {...asPaid(current, data.paid), narration};
		return computeRenderInput(mode === 'mp4' ? shown : {...shown, format: liveFormat});
	}, [current, data.paid, mode, narration, liveFormat]);
	const summary = useMemo(() => summarizeBill(current), [current]);
	// The pay sheet tells the bill as it stands today whatever the video shows, by the rule the page's badge reads.
	const overdueToday = data.today ? isOverdueOn(summary, data.today) : summary.status === 'overdue';
	// The voice was made for the bill as sent. Once it is paid, what it says of buttons asking for money goes unsaid;
	// live, once its due date has passed, what the overdue bill's scenes no longer say ("due by", "paying on time").
	const hushed = useMemo(() => {
		if (!narration) return [];
		const sent = {...data, narration, format: mode === 'mp4' ? data.format : liveFormat};
		return data.paid ? moneyAskSpeech(sent) : current !== data ? speechUnsaidBy(sent, current) : [];
	}, [data, current, narration, mode, liveFormat]);
	const shape = mode === 'mp4' && manifest ? manifest : input;
	const drawn = mode === 'mp4' && manifest ? manifest.hotspots : input.timeline.hotspots;
	const hotspots = withoutMoneyAsksOncePaid(drawn, data.paid);
	const reducedMotion = useMemo(prefersReducedMotion, []);
	// With reduced motion the video waits, paused on the greeting once it has settled, instead of playing by itself.
	const initialFrame = reducedMotion ? (input.timeline.staticHolds[0]?.from ?? 0) : 0;
	const [frame, setFrame] = useState(initialFrame);
	const [playState, setPlayState] = useState<PlayState>('idle');
	const [frameWidth, setFrameWidth] = useState(0);
	const [box, setBox] = useState({width: 0, height: 0});
	const [sheet, setSheet] = useState<Sheet>({status: 'closed'});
	const currentFrame = useRef(frame);
	currentFrame.current = frame;
	const sendEvent = useMemo(() => withScene(send, input.timeline.scenes, () => currentFrame.current), [send, input]);
	const hasSound = narration !== undefined;
	// The voice is still being made (the player takes it up when it comes): nothing to hear yet, but it will speak.
	const voicePending = mode === 'live' && !hasSound && data.narrationPending === true;
	// A voice that came while the page was open is announced (the note that said it was coming just goes away).
	const wasPending = useRef(voicePending);
	const voiceArrived = hasSound && wasPending.current;
	if (voicePending) wasPending.current = true;
	const [soundOn, setSoundOn] = useState(false);
	// Until the viewer chooses, captions are on while a speaking video is muted, so nothing it says is missed; a video
	// whose voice is on its way has them too, and keeps them when it comes.
	const [captionsChoice, setCaptionsChoice] = useState<boolean | undefined>(undefined);
	const captionsOn = captionsChoice ?? ((hasSound || voicePending) && !soundOn);
	const [fileCues, setFileCues] = useState<Cue[]>([]);
	const [fullscreen, setFullscreen] = useState(false);
	const playbackRef = useRef<Playback | undefined>(undefined);
	const rootRef = useRef<HTMLDivElement>(null);
	const frameRef = useRef<HTMLDivElement>(null);
	const hotspotHadFocus = useRef(false);
	const introHadFocus = useRef(false);
	const playRef = useRef<HTMLButtonElement>(null);
	// Kept across a new timeline (the narration arriving), so what was watched before it still counts.
	const tracker = useRef(makeWatchTracker(shape));
	const captionsUrl = data.links['captions.vtt'] ? resolveUrl(data.links['captions.vtt']) : undefined;
	// The live player cues its captions from the timeline it plays, as the worker does for captions.vtt, so they show
	// before any render exists; MP4 mode reads the file written beside its video.
	const liveCues = useMemo<Cue[]>(() => {
		const {timeline} = input;
		return captionCues({timeline, script: scriptFor(asPaid(current, data.paid)), ...(narration ? {speech: narration.speech} : {})}).map((cue) => ({
			start: cue.from / timeline.fps,
			end: cue.to / timeline.fps,
			text: cue.text,
		}));
	}, [input, current, data.paid, narration]);
	// An MP4 made before the payment carries the captions of the bill as sent. Once paid, a cue the paid bill does not
	// say (not received, days late, pay now, a debit to come) is not shown, as its voice is silent there.
	const paidSays = useMemo(() => new Set(liveCues.map((cue) => cue.text)), [liveCues]);
	const cues = mode === 'live' ? liveCues : data.paid ? fileCues.filter((cue) => paidSays.has(cue.text)) : fileCues;
	const hasCaptions = mode === 'live' || captionsUrl !== undefined;
	const chaptersUrl = data.links['chapters.vtt'] ? resolveUrl(data.links['chapters.vtt']) : undefined;
	const chapters = useMemo(() => chaptersIn({timeline: input.timeline, template: data.template, locale}), [input.timeline, data.template, locale]);
	const chapterNow = chapterAt(chapters, frame);
	const [chapterNews, setChapterNews] = useState('');
	const helpId = useId();

	useEffect(() => {
		const element = frameRef.current;
		if (!element) return;
		const observer = new ResizeObserver(() => setFrameWidth(element.clientWidth));
		observer.observe(element);
		setFrameWidth(element.clientWidth);
		return () => observer.disconnect();
	}, []);
	useEffect(() => {
		const element = rootRef.current;
		if (!element) return;
		const measure = () => setBox({width: element.clientWidth, height: element.clientHeight});
		const observer = new ResizeObserver(measure);
		observer.observe(element);
		measure();
		return () => observer.disconnect();
	}, []);

	const captionBand = captionsOn && hasCaptions;
	// Measured once laid out: until then (a box of no size yet) the band, as the page's box was reserved for it.
	const captionsOver = captionBand && box.height > 0 && captionsOverPicture(box);
	const cue = captionBand ? cueAt(cues, frame / shape.fps) : undefined;

	useEffect(() => {
		const changed = () => setFullscreen(document.fullscreenElement !== null && document.fullscreenElement === rootRef.current);
		document.addEventListener('fullscreenchange', changed);
		return () => document.removeEventListener('fullscreenchange', changed);
	}, []);

	useEffect(() => {
		if (mode !== 'mp4' || !captionsOn || !captionsUrl || fileCues.length > 0) return;
		void fetch(captionsUrl)
			.then((response) => (response.ok ? response.text() : ''))
			.then((text) => setFileCues(parseVtt(text)))
			.catch(() => undefined);
	}, [mode, captionsOn, captionsUrl, fileCues.length]);

	const visible = hotspots.filter((hotspot) => isHotspotVisible(hotspot, frame));
	// Only an MP4 still draws the buttons asking for money once paid (it was rendered before the payment): the live
	// composition draws its own paid state, a payment reminder's "Paid" marks included, and a stamp would be a second one.
	const stamped = data.paid && mode === 'mp4' ? drawn.filter((hotspot) => asksForMoney(hotspot) && isHotspotVisible(hotspot, frame)) : [];
	const visibleKey = visible.map((hotspot) => hotspot.id).join(' ');
	useEffect(() => {
		for (const id of visibleKey.split(' ').filter(Boolean)) sendEvent({type: 'hotspot_shown', hotspot: id});
	}, [visibleKey, sendEvent]);

	// A focused in-video button that expires leaves focus on the player, not on the page body.
	useLayoutEffect(() => {
		if (!hotspotHadFocus.current) return;
		if (document.activeElement === document.body || document.activeElement === null) rootRef.current?.focus();
	}, [visibleKey]);

	// The intro card goes with its play button when the video starts: focus goes on to the control that pauses it.
	useLayoutEffect(() => {
		if (playState === 'idle' || !introHadFocus.current) return;
		introHadFocus.current = false;
		if (document.activeElement === document.body || document.activeElement === null) playRef.current?.focus();
	}, [playState]);

	const onFrame = useCallback(
		(next: number) => {
			setFrame(next);
			if (!playbackRef.current?.isPlaying()) return;
			for (const type of tracker.current.played(next)) sendEvent({type});
		},
		[sendEvent],
	);
	const onPlay = useCallback(() => {
		setPlayState('playing');
		sendEvent({type: 'view_started'});
	}, [sendEvent]);
	const onPause = useCallback(() => {
		tracker.current.interrupted();
		setPlayState((state) => (state === 'ended' ? state : 'paused'));
	}, []);
	// The last frames fade out: the end rests on the last scene settled, its buttons live, rather than on a faded frame.
	const lastHold = input.timeline.staticHolds.at(-1);
	const restFrame = lastHold ? lastHold.from + lastHold.durationInFrames - 1 : shape.durationInFrames - 1;
	const onEnded = useCallback(() => {
		playbackRef.current?.seekToFrame(restFrame);
		setPlayState('ended');
	}, [restFrame]);
	const onSeeked = useCallback(() => tracker.current.interrupted(), []);
	// A new timeline, playing or paused as it was. The phone turned: the other format's scenes run on the same frames, so
	// the video simply goes on (were they sized otherwise, from the same point of the same scene). The narration arrived
	// and sized every scene again: from the start of the scene they were in. An ended video rests on its new end, one not
	// yet started stays so.
	const shownTimeline = useRef({timeline: input.timeline, format});
	useLayoutEffect(() => {
		const from = shownTimeline.current.timeline;
		const to = input.timeline;
		const turned = shownTimeline.current.format !== format;
		shownTimeline.current = {timeline: to, format};
		if (from === to || sameFrames(from, to)) return;
		if (mode === 'live') tracker.current = tracker.current.across(shape, (frame) => frameAcross({from, to, frame}));
		const playback = playbackRef.current;
		if (!playback) return;
		const now = currentFrame.current;
		const goOn = turned ? (frameAcross({from, to, frame: now}) ?? sceneStartAcross({from, to, frame: now})) : sceneStartAcross({from, to, frame: now});
		playback.seekToFrame(playState === 'ended' ? restFrame : playState === 'idle' ? initialFrame : goOn);
		// Only a new timeline moves the video: the play state and frames it reads are those of that moment.
	}, [input.timeline]);
	/**
	 * A seek the viewer or the host page asks for: after the end, or before the first play, the video is simply paused
	 * where they went. Before the first play the intro card covered the frame they chose, and the buttons on it.
	 */
	const seekTo = useCallback((to: number) => {
		playbackRef.current?.seekToFrame(to);
		setPlayState((state) => (state === 'ended' || state === 'idle' ? 'paused' : state));
	}, []);
	const ready = useCallback(
		(playback: Playback) => {
			playbackRef.current = playback;
			setStageReady(true);
			onReady({...playback, seekToFrame: seekTo});
		},
		[onReady, seekTo],
	);

	const togglePlay = () => {
		const playback = playbackRef.current;
		if (!playback) return;
		if (playState === 'ended') {
			playback.seekToFrame(0);
			playback.play();
			setPlayState('playing');
		} else if (playback.isPlaying()) playback.pause();
		else playback.play();
	};
	/**
	 * Playing, a chapter plays from its start, as its voice does; paused, it shows settled, its text drawn and its
	 * buttons there (the pay button comes only once the due scene has settled). Said to screen readers either way.
	 */
	const goToChapter = (index: number) => {
		const chapter = chapters[index];
		if (!chapter) return;
		seekTo(playbackRef.current?.isPlaying() ? chapter.from : chapter.settled);
		setChapterNews(fill(messages.player.chapterReached, {number: String(index + 1), count: String(chapters.length), name: chapter.name}));
	};
	const toggleFullscreen = () => {
		if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
		else void rootRef.current?.requestFullscreen().catch(() => undefined);
	};

	const activate = useCallback(
		(hotspot: Hotspot) => {
			sendEvent({type: 'hotspot_clicked', hotspot: hotspot.id});
			if (hotspot.kind !== 'pay') return;
			const resume = playbackRef.current?.isPlaying() ?? false;
			playbackRef.current?.pause();
			setSheet({status: 'open', hotspot, opener: document.activeElement, resume});
		},
		[sendEvent],
	);
	const closeSheet = useCallback(() => {
		if (sheet.status !== 'open') return;
		setSheet({status: 'closed'});
		if (sheet.resume) playbackRef.current?.play();
		const opener = sheet.opener instanceof HTMLElement && sheet.opener.isConnected ? sheet.opener : rootRef.current;
		opener?.focus();
	}, [sheet]);

	const hushedNow = hushed.some((range) => frame >= range.from && frame < range.to);
	const hushedRef = useRef(hushedNow);
	hushedRef.current = hushedNow;
	const applySound = useCallback((on: boolean) => {
		setSoundOn(on);
		playbackRef.current?.setMuted(!on || hushedRef.current);
	}, []);
	useEffect(() => {
		if (hushed.length > 0) playbackRef.current?.setMuted(!soundOn || hushedNow);
	}, [hushed.length, hushedNow, soundOn]);
	const toggleSound = () => {
		const on = !soundOn;
		applySound(on);
		rememberSound(on);
	};
	const [stageReady, setStageReady] = useState(false);
	useEffect(() => (hasSound && stageReady && rememberedSoundOn() ? afterFirstGesture(() => applySound(true)) : undefined), [hasSound, stageReady, applySound]);

	const onKeyDown = (event: React.KeyboardEvent) => {
		const playback = playbackRef.current;
		if (!playback) return;
		// A click on sound, captions or full screen leaves the focus on that button, and the shortcuts must go on
		// working there; Space and Enter stay the button's own. The slider, the hotspots and the pay sheet keep their keys.
		const target = event.target as Element;
		const onControlButton = target.matches('.bc-controls button:not([role="menuitemradio"])');
		if (target !== event.currentTarget && !(onControlButton && event.key !== ' ' && event.key !== 'Enter')) return;
		const step = 5 * shape.fps;
		const keys: Record<string, () => void> = {
			' ': togglePlay,
			k: togglePlay,
			ArrowLeft: () => seekTo(Math.max(0, frame - step)),
			ArrowRight: () => seekTo(Math.min(shape.durationInFrames - 1, frame + step)),
			Home: () => seekTo(0),
			PageDown: () => goToChapter(chapterNow + 1),
			PageUp: () => goToChapter(chapterNow - 1),
			c: () => hasCaptions && setCaptionsChoice(!captionsOn),
			m: () => hasSound && toggleSound(),
			f: toggleFullscreen,
		};
		const action = keys[event.key];
		if (!action) return;
		event.preventDefault();
		action();
	};

	// A tap anywhere on the picture plays or pauses; the in-video buttons and links keep their own meaning.
	const onFrameClick = (event: React.MouseEvent) => {
		if ((event.target as Element).closest('a,button')) return;
		togglePlay();
	};

	const stage = {
		durationInFrames: shape.durationInFrames,
		fps: shape.fps,
		width: shape.width,
		height: shape.height,
		initialFrame,
		autoPlay: !reducedMotion,
		onReady: ready,
		onFrame,
		onPlay,
		onPause,
		onEnded,
		onSeeked,
	};
	const scale = frameWidth / shape.width;
	const palette = brandPalette(data.bill.brand);
	const amount = formatMoney({minor: summary.amountDue, currency, locale});
	const duration = shape.durationInFrames / shape.fps;
	const playLabel = playState === 'ended' ? messages.player.replay : playState === 'playing' ? messages.player.pause : messages.player.play;
	return (
		<div
			ref={rootRef}
			className="bc-root"
			role="region"
			lang={writtenLocale(locale)}
			data-state={playState}
			{...{[CAPTIONS_ATTRIBUTE]: captionBand ? '' : undefined}}
			aria-label={fill(messages.player.regionLabel, {brand: data.bill.brand.name})}
			// Read as a description, after the name, not as part of it each time focus comes back into the player.
			aria-describedby={helpId}
			tabIndex={0}
			onKeyDown={onKeyDown}
			onFocus={(event) => {
				hotspotHadFocus.current = (event.target as Element).classList.contains('bc-hotspot');
				introHadFocus.current = (event.target as Element).closest('.bc-intro') !== null;
			}}
			style={{
				['--bc-ratio' as string]: String(shape.width / shape.height),
				['--bc-accent' as string]: palette.accent,
				['--bc-on-accent' as string]: palette.onAccent,
				['--bc-accent-edge' as string]: palette.accentEdge,
				['--bc-accent-edge-on-card' as string]: palette.accentEdgeOnCard,
				['--bc-seek' as string]: palette.seek,
			}}
		>
			<p id={helpId} hidden>
				{messages.player.keyboardHelp}
			</p>
			<div className="bc-screen">
				<div ref={frameRef} className="bc-frame" style={{aspectRatio: `${shape.width} / ${shape.height}`}} onClick={onFrameClick}>
					{/* The picture's own text (amounts mid count-up among it) is not read out: the caption band's live region says
					    each sentence once, and the page and the pay sheet carry the figures. The buttons over it stay reachable. */}
					<div className="bc-stage-box" aria-hidden="true" style={{position: 'absolute', inset: 0}}>
						{mode === 'mp4' && data.links['video.mp4'] ? (
							<Mp4Stage
								{...stage}
								src={resolveUrl(data.links['video.mp4'])}
								captions={captionsUrl ? {src: captionsUrl, lang: writtenLocale(locale), label: messages.player.captions} : undefined}
								chapters={chaptersUrl ? {src: chaptersUrl, lang: writtenLocale(locale), label: messages.player.chapters} : undefined}
							/>
						) : (
							<LiveStage {...stage} template={data.template} inputProps={input.inputProps} />
						)}
					</div>
					<HotspotOverlay hotspots={visible} frame={frame} scale={scale} linkTarget={payTarget} onActivate={activate} />
					<PaidStamps drawn={stamped} scale={scale} label={messages.paidTitle} />
					{captionsOver ? <CaptionBand text={cue?.text} over /> : null}
					<div className="bc-top">{data.paid && playState !== 'idle' ? <PaidBanner paid={data.paid} locale={locale} /> : null}</div>
					{playState === 'idle' ? (
						<div className="bc-intro" style={{background: palette.primary, color: palette.onPrimary}}>
							<p className="bc-intro-name">{data.bill.customer.name}</p>
							<p className="bc-intro-amount">{amount}</p>
							{/* Paid, the card says so where it would say when to pay: the banner it hides moves onto it. */}
							{data.paid ? (
								<PaidBanner paid={data.paid} locale={locale} />
							) : (
								<p className="bc-intro-due">{fill(summary.status === 'overdue' ? messages.dueDatePassed : messages.dueTitle, {date: formatDate(summary.dueDate, locale)})}</p>
							)}
							<button type="button" className="bc-big-play" onClick={togglePlay}>
								<Icon name="play" /> {messages.player.playVideo}
							</button>
						</div>
					) : null}
				</div>
				{captionBand && !captionsOver ? <CaptionBand text={cue?.text} over={false} /> : null}
			</div>
			<div className="bc-controls">
				<button ref={playRef} type="button" className="bc-play" aria-label={playLabel} title={playLabel} onClick={togglePlay}>
					<Icon name={playState === 'ended' ? 'replay' : playState === 'playing' ? 'pause' : 'play'} />
				</button>
				<input
					type="range"
					className="bc-seek"
					aria-label={messages.player.seek}
					aria-valuetext={`${clock(frame / shape.fps)} / ${clock(duration)}`}
					min={0}
					max={shape.durationInFrames - 1}
					value={frame}
					onChange={(event) => seekTo(Number(event.currentTarget.value))}
				/>
				<span className="bc-time" aria-hidden="true">
					{clock(frame / shape.fps)} / {clock(duration)}
				</span>
				<ChapterMenu chapters={chapters} current={chapterNow} fps={shape.fps} label={messages.player.chapters} onChoose={goToChapter} />
				{hasCaptions ? (
					<button type="button" className="bc-cc" aria-pressed={captionsOn} onClick={() => setCaptionsChoice(!captionsOn)}>
						<Icon name="captions" />
						<span className="bc-label">{messages.player.captions}</span>
					</button>
				) : null}
				{hasSound ? (
					// Named for what a press does (WCAG 1.4.2), the icon showing what is heard now: "Sound on" beside a muted
					// speaker read as a state. A button whose name changes has no pressed state besides.
					<button type="button" className="bc-sound" onClick={toggleSound}>
						<Icon name={soundOn ? 'soundOn' : 'soundOff'} />
						<span className="bc-label">{soundOn ? messages.player.soundOff : messages.player.soundOn}</span>
					</button>
				) : voicePending ? (
					// Where the toggle will be, and no control meanwhile: a button that could not do anything would only puzzle.
					<span className="bc-voice-pending" role="status">
						<Icon name="voiceComing" />
						<span className="bc-label">{messages.player.voiceOnItsWay}</span>
					</span>
				) : null}
				{/* One live region, as two would talk over each other; a chapter reached replaces the note that the voice came. */}
				<span className="bc-announce" role="status">
					{chapterNews || (voiceArrived ? messages.player.voiceReady : '')}
				</span>
				{document.fullscreenEnabled ? (
					<button
						type="button"
						className="bc-fullscreen"
						aria-label={fullscreen ? messages.player.exitFullscreen : messages.player.fullscreen}
						title={fullscreen ? messages.player.exitFullscreen : messages.player.fullscreen}
						onClick={toggleFullscreen}
					>
						<Icon name={fullscreen ? 'exitFullscreen' : 'fullscreen'} />
					</button>
				) : null}
			</div>
			{sheet.status === 'open' ? (
				<PaySheet
					bill={summary}
					overdue={overdueToday}
					payUrl={sheet.hotspot.href}
					target={payTarget}
					onPay={() => sendEvent({type: 'pay_clicked', hotspot: sheet.hotspot.id})}
					onClose={closeSheet}
				/>
			) : null}
		</div>
	);
};
