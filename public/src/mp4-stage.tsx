import {useEffect, useRef} from 'react';
import type {Playback, StageProps} from './playback';

/**
 * The rendered MP4 in a <video>, for places the live composition cannot run; frames come from its clock. No native
 * controls: their fullscreen would take the video alone, without the hotspots, captions and pay sheet.
 */
interface TrackFile {
	readonly src: string;
	readonly lang: string;
	readonly label: string;
}

export const Mp4Stage: React.FC<StageProps & {src: string; captions: TrackFile | undefined; chapters: TrackFile | undefined}> = ({
	src,
	captions,
	chapters,
	fps,
	initialFrame,
	autoPlay,
	onReady,
	onFrame,
	onPlay,
	onPause,
	onEnded,
	onSeeked,
}) => {
	const ref = useRef<HTMLVideoElement>(null);
	useEffect(() => {
		const video = ref.current;
		if (!video) return;
		let raf = 0;
		const report = () => onFrame(Math.floor(video.currentTime * fps));
		// timeupdate fires only a few times a second; while playing, follow every animation frame so hotspots appear on time.
		const follow = () => {
			report();
			raf = video.paused ? 0 : requestAnimationFrame(follow);
		};
		const play = () => {
			onPlay();
			cancelAnimationFrame(raf);
			follow();
		};
		const seeked = () => {
			onSeeked();
			report();
		};
		video.addEventListener('play', play);
		video.addEventListener('pause', onPause);
		video.addEventListener('ended', onEnded);
		video.addEventListener('seeked', seeked);
		video.addEventListener('timeupdate', report);
		if (initialFrame > 0) video.currentTime = initialFrame / fps;
		onReady({
			play: () => void video.play().catch(() => undefined),
			pause: () => video.pause(),
			isPlaying: () => !video.paused,
			seekToFrame: (frame) => {
				onSeeked();
				video.currentTime = frame / fps;
				onFrame(frame);
			},
			setMuted: (muted) => {
				video.muted = muted;
			},
			isMuted: () => video.muted,
		} satisfies Playback);
		if (!video.paused) play();
		return () => {
			cancelAnimationFrame(raf);
			video.removeEventListener('play', play);
			video.removeEventListener('pause', onPause);
			video.removeEventListener('ended', onEnded);
			video.removeEventListener('seeked', seeked);
			video.removeEventListener('timeupdate', report);
		};
	}, [fps, initialFrame, onReady, onFrame, onPlay, onPause, onEnded, onSeeked]);
	return (
		<video
			ref={ref}
			className="bc-stage"
			style={{width: '100%', height: '100%'}}
			src={src}
			muted
			playsInline
			autoPlay={autoPlay}
			preload="auto"
			crossOrigin="anonymous"
		>
			{/* The shell draws the cues itself, in their band under the picture; the track names their language. */}
			{captions ? <track kind="captions" src={captions.src} srcLang={captions.lang} label={captions.label} /> : null}
			{/* The shell's chapter menu goes by the same scenes; the track gives them to whatever reads the video's tracks. */}
			{chapters ? <track kind="chapters" src={chapters.src} srcLang={chapters.lang} label={chapters.label} /> : null}
		</video>
	);
};
