/** What the player shell needs from either stage (the live composition or the MP4). */
export interface Playback {
	play(): void;
	pause(): void;
	isPlaying(): boolean;
	seekToFrame(frame: number): void;
	/** Sound follows the viewer's "sound on" button; autoplay always starts muted. */
	setMuted(muted: boolean): void;
	isMuted(): boolean;
}

export interface StageProps {
	readonly durationInFrames: number;
	readonly fps: number;
	readonly width: number;
	readonly height: number;
	/** Where to start: a settled frame when motion is reduced, else the first. */
	readonly initialFrame: number;
	readonly autoPlay: boolean;
	readonly onReady: (playback: Playback) => void;
	/** Every frame shown, whether played or sought to. */
	readonly onFrame: (frame: number) => void;
	readonly onPlay: () => void;
	readonly onPause: () => void;
	/** Playback reached the last frame and stays there. */
	readonly onEnded: () => void;
	readonly onSeeked: () => void;
}
