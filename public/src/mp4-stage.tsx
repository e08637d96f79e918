import {useEffect, useRef} from 'react';
import type {Playback, StageProps} from './playback';

/** The rendered MP4 in a <video>, for places the live composition cannot run; frames come from its clock. */
export const Mp4Stage: React.FC<StageProps & {src: string; captionsSrc: string | undefined; captionsOn: boolean}> = ({
	src,
	captionsSrc,
	captionsOn,
	fps,
	initialFrame,
	autoPlay,
	onReady,
	onFrame,
	onPlay,
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
		video.addEventListener('play', play);
		video.addEventListener('seeked', report);
		video.addEventListener('timeupdate', report);
		if (initialFrame > 0) video.currentTime = initialFrame / fps;
		onReady({
			play: () => void video.play().catch(() => undefined),
			pause: () => video.pause(),
			isPlaying: () => !video.paused,
			seekToFrame: (frame) => {
				video.currentTime = frame / fps;
				onFrame(frame);
			},
		} satisfies Playback);
		return () => {
			cancelAnimationFrame(raf);
			video.removeEventListener('play', play);
			video.removeEventListener('seeked', report);
			video.removeEventListener('timeupdate', report);
		};
	}, [fps, initialFrame, onReady, onFrame, onPlay]);
	useEffect(() => {
		const track = ref.current?.textTracks[0];
		if (track) track.mode = captionsOn ? 'showing' : 'hidden';
	}, [captionsOn]);
	return (
		<video
			ref={ref}
			className="bc-stage"
			style={{width: '100%', height: '100%'}}
			src={src}
			controls
			muted
			playsInline
			autoPlay={autoPlay}
			preload="auto"
			crossOrigin="anonymous"
		>
			{captionsSrc ? <track kind="captions" src={captionsSrc} srcLang="en" label="Captions" /> : null}
		</video>
	);
};
