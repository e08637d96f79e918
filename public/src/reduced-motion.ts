import {useSyncExternalStore} from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

const subscribe = (onChange: () => void): (() => void) => {
	const query = window.matchMedia?.(QUERY);
	query?.addEventListener('change', onChange);
	return () => query?.removeEventListener('change', onChange);
};

const prefersReducedMotion = (): boolean => window.matchMedia?.(QUERY).matches ?? false;

/** Whether the viewer's browser asks for reduced motion, following a change made while the page is open. */
export const usePrefersReducedMotion = (): boolean => useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
