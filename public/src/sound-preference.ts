/** The viewer's "sound on" choice, kept for the page's session so a reload or another player on it keeps their choice. */
const KEY = 'billcast-sound';

/** Storage can be refused (a sandboxed frame, privacy settings): the choice then lasts as long as the player. */
export const rememberedSoundOn = (): boolean => {
	try {
		return window.sessionStorage.getItem(KEY) === 'on';
	} catch {
		return false;
	}
};

export const rememberSound = (on: boolean): void => {
	try {
		window.sessionStorage.setItem(KEY, on ? 'on' : 'off');
	} catch {
		// Not remembered; the button still works.
	}
};

/**
 * Browsers only let sound start after the viewer has touched the page. A remembered "on" applies at once when they
 * already have; otherwise at their first tap or key press, and autoplay starts muted meanwhile.
 */
export const afterFirstGesture = (apply: () => void): (() => void) => {
	if (navigator.userActivation?.hasBeenActive ?? false) {
		apply();
		return () => undefined;
	}
	const once = (event: Event) => {
		stop();
		// A first tap on the sound button itself is that button's to answer.
		if (!(event.target instanceof Element && event.target.closest('.bc-sound'))) apply();
	};
	const stop = () => {
		document.removeEventListener('pointerdown', once, true);
		document.removeEventListener('keydown', once, true);
	};
	document.addEventListener('pointerdown', once, true);
	document.addEventListener('keydown', once, true);
	return stop;
};
