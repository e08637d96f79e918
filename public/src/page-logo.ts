/**
 * The watch page's header logo, hidden when it cannot be loaded (the tenant's host is down, or the image is broken), so
 * the header shows the brand's name alone rather than an empty white tile. Run by the page's script, which may come
 * after the image has already failed.
 */
export const hideBrokenPageLogo = (): void => {
	const logo = document.querySelector<HTMLImageElement>('header img[data-brand-logo]');
	if (!logo) return;
	const hide = () => {
		logo.hidden = true;
	};
	if (logo.complete && logo.naturalWidth === 0) hide();
	else logo.addEventListener('error', hide, {once: true});
};
