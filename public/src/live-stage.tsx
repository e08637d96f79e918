import {Player, type PlayerRef} from '@remotion/player';
import {useEffect, useRef} from 'react';
import {componentOf} from '../../compositions/registry';
import {ReducedMotion} from '../../compositions/shared/reduced-motion';
import type {RenderInput} from '../../src/render-input';
import type {TemplateId} from '../../src/templates/registry';
import type {Playback, StageProps} from './playback';
import {usePrefersReducedMotion} from './reduced-motion';

/**
 * The composition itself, playing in the browser with the customer's props: no server render needed. The shell draws
 * the controls (in the bill's language, and inside the shell's fullscreen), so the Player shows none of its own. With
 * reduced motion the scenes stand in place (no count-up, rise or growing bar) on the same timeline.
 */
export const LiveStage: React.FC<StageProps & {template: TemplateId; inputProps: RenderInput['inputProps']}> = ({
	template,
	inputProps,
	...stage
}) => {
	const {onReady, onFrame, onPlay, onPause, onEnded, onSeeked} = stage;
	const ref = useRef<PlayerRef>(null);
	const reducedMotion = usePrefersReducedMotion();
	useEffect(() => {
		const player = ref.current;
		if (!player) return;
		// Autoplay may start before this listener exists and its 'play' is then missed; frames only advance while playing.
		const frameUpdate = (event: {detail: {frame: number}}) => {
			if (player.isPlaying()) onPlay();
			onFrame(event.detail.frame);
		};
		const seeked = (event: {detail: {frame: number}}) => {
			onSeeked();
			onFrame(event.detail.frame);
		};
		player.addEventListener('frameupdate', frameUpdate);
		player.addEventListener('seeked', seeked);
		player.addEventListener('play', onPlay);
		player.addEventListener('pause', onPause);
		player.addEventListener('ended', onEnded);
		const playback: Playback = {
			play: () => player.play(),
			pause: () => player.pause(),
			isPlaying: () => player.isPlaying(),
			seekToFrame: (frame) => {
				onSeeked();
				player.seekTo(frame);
				onFrame(frame);
			},
			setMuted: (muted) => (muted ? player.mute() : player.unmute()),
			isMuted: () => player.isMuted(),
		};
		onReady(playback);
		if (player.isPlaying()) onPlay();
		return () => {
			player.removeEventListener('frameupdate', frameUpdate);
			player.removeEventListener('seeked', seeked);
			player.removeEventListener('play', onPlay);
			player.removeEventListener('pause', onPause);
			player.removeEventListener('ended', onEnded);
		};
	}, [onReady, onFrame, onPlay, onPause, onEnded, onSeeked]);
	return (
		<ReducedMotion.Provider value={reducedMotion}>
			<Player
				ref={ref}
				className="bc-stage"
				component={componentOf(template)}
				inputProps={inputProps}
				durationInFrames={stage.durationInFrames}
				fps={stage.fps}
				compositionWidth={stage.width}
				compositionHeight={stage.height}
				initialFrame={stage.initialFrame}
				autoPlay={stage.autoPlay}
				initiallyMuted
				// The narration's own <audio> element, unmuted by the "sound on" press itself: a shared tag would need a press
				// on the Player's play to be unlocked, and autoplay gives none.
				numberOfSharedAudioTags={0}
				controls={false}
				clickToPlay={false}
				doubleClickToFullscreen={false}
				spaceKeyToPlayOrPause={false}
				moveToBeginningWhenEnded={false}
				style={{width: '100%', height: '100%'}}
				acknowledgeRemotionLicense
			/>
		</ReducedMotion.Provider>
	);
};
