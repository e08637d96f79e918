/** A rectangle on the page in CSS pixels, as getBoundingClientRect and Playwright's boundingBox give it. */
export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

// Half a pixel of slack either way: layouts land on fractional pixels, and a box flush with its container is inside it.
export const inside = (inner: Box, outer: Box): boolean =>
	inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

export const intersects = (a: Box, b: Box): boolean => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
