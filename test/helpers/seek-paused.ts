import type {Page} from 'playwright-core';

/** Pauses the page's billcast-player and shows one frame, through the element's own API as a host page would. */
export const seekPaused = (page: Page, frame: number) =>
	page.evaluate(async (to) => {
		const player = document.querySelector('billcast-player') as HTMLElement & {pause(): Promise<void>; seekToFrame(frame: number): Promise<void>};
		await player.pause();
		await player.seekToFrame(to);
	}, frame);
