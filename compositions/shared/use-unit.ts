import {useVideoConfig} from 'remotion';

/** One design pixel: 1 on a 720-pixel-high landscape frame, scaled for other shapes. */
export const useUnit = (): number => {
	const {width, height} = useVideoConfig();
	return Math.min(width, height) / 720;
};
