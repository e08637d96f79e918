/** Drawn, not taken from a font: the symbol characters are missing from many system fonts. */
const ICONS = {
	play: 'M8 5v14l11-7z',
	pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
	replay: 'M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z',
	fullscreen: 'M4 4h6v2H6v4H4zM14 4h6v6h-2V6h-4zM4 14h2v4h4v2H4zM18 14h2v6h-6v-2h4z',
	exitFullscreen: 'M8 4h2v6H4V8h4zM14 4h2v4h4v2h-6zM4 14h6v6H8v-4H4zM14 14h6v2h-4v4h-2z',
	soundOn: 'M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z',
	soundOff: 'M3 9v6h4l5 5V4L7 9zm13.6 3 2.9-2.9-1.4-1.4-2.9 2.9-2.9-2.9-1.4 1.4 2.9 2.9-2.9 2.9 1.4 1.4 2.9-2.9 2.9 2.9 1.4-1.4z',
	voiceComing: 'M3 9v6h4l5 5V4L7 9zm11 2h2v2h-2zm3.5 0h2v2h-2zm3.5 0h2v2h-2z',
	captions: 'M4 5h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2zm0 2v10h16V7zm2 3h4v1.5H7.5v1H10V14H6zm7 0h4v1.5h-2.5v1H17V14h-4z',
	chapters: 'M3 5h2v2H3zm4 0h14v2H7zM3 11h2v2H3zm4 0h14v2H7zM3 17h2v2H3zm4 0h14v2H7z',
} as const;

export const Icon: React.FC<{name: keyof typeof ICONS}> = ({name}) => (
	<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
		<path d={ICONS[name]} fill="currentColor" />
	</svg>
);
