/**
 * The page the layout and contrast checks drive: one composition frame at a time, drawn by @remotion/player's
 * Thumbnail at full size (no video encode), then measured where it stands. Built by esbuild in the test.
 */
import {Thumbnail} from '@remotion/player';
import {flushSync} from 'react-dom';
import {createRoot} from 'react-dom/client';
import {componentOf} from '../../compositions/registry';
import {contrastRatio} from '../../src/color';
import type {RenderRequestInput} from '../../src/render-input';
import {timelineFor} from '../../src/render-input';
import {wordsSplitAcrossLines} from '../helpers/split-words';

export interface LayoutProblem {
	readonly kind: 'outside' | 'clipped' | 'covered' | 'broken-word' | 'small-text' | 'small-target' | 'text-contrast' | 'non-text-contrast';
	readonly text: string;
	readonly detail: string;
}

export interface MeasureOptions {
	/** The smallest text, in composition pixels, that is still 12 CSS px on a 360 px wide phone; 0 skips the check. */
	readonly minTextPx: number;
	/** The smallest hotspot side, likewise for 24 CSS px. */
	readonly minTargetPx: number;
}

declare global {
	interface Window {
		showFrame: (input: RenderRequestInput, frame: number) => Promise<void>;
		measureFrame: (options: MeasureOptions) => LayoutProblem[];
	}
}

const host = document.getElementById('root')!;
const root = createRoot(host);

window.showFrame = async (input, frame) => {
	const timeline = timelineFor(input);
	flushSync(() =>
		root.render(
			<Thumbnail
				component={componentOf(input.template)}
				inputProps={{bill: input.bill, format: input.format}}
				compositionWidth={timeline.width}
				compositionHeight={timeline.height}
				durationInFrames={timeline.durationInFrames}
				fps={timeline.fps}
				frameToDisplay={frame}
				style={{width: timeline.width, height: timeline.height}}
			/>,
		),
	);
	await document.fonts.ready;
	await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
	await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
};

/** An sRGB colour as #RRGGBB and its alpha, from a computed style. */
const parseColor = (css: string): {hex: string; alpha: number} => {
	const parts = /rgba?\(([^)]+)\)/.exec(css)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number) ?? [0, 0, 0, 0];
	const [r = 0, g = 0, b = 0, alpha = 1] = parts;
	return {hex: `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`, alpha};
};

const mix = (top: string, alpha: number, under: string): string => {
	const channel = (hex: string, i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
	return `#${[0, 1, 2].map((i) => Math.round(channel(top, i) * alpha + channel(under, i) * (1 - alpha)).toString(16).padStart(2, '0')).join('')}`;
};

/** The solid colour behind an element: the first opaque background up its ancestors, translucent ones laid over it. */
const backgroundBehind = (element: Element | null): string => {
	const layers: Array<{hex: string; alpha: number}> = [];
	for (let node = element; node; node = node.parentElement) {
		const layer = parseColor(getComputedStyle(node).backgroundColor);
		if (layer.alpha > 0) layers.push(layer);
		if (layer.alpha >= 1) break;
	}
	return layers.reduceRight((under, layer) => mix(layer.hex, layer.alpha, under), '#ffffff');
};

const effectiveOpacity = (element: Element): number => {
	let opacity = 1;
	for (let node: Element | null = element; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
	return opacity;
};

const inside = (inner: DOMRect, outer: DOMRect, slack = 1): boolean =>
	inner.left >= outer.left - slack && inner.top >= outer.top - slack && inner.right <= outer.right + slack && inner.bottom <= outer.bottom + slack;

const ownText = (element: Element): Text[] =>
	[...element.childNodes].filter((node): node is Text => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');

window.measureFrame = ({minTextPx, minTargetPx}) => {
	const problems: LayoutProblem[] = [];
	const frameElement = host.querySelector('[data-layout-frame]') ?? host.firstElementChild!;
	const frame = frameElement.getBoundingClientRect();
	for (const element of host.querySelectorAll('*')) {
		const texts = ownText(element);
		if (texts.length === 0 || effectiveOpacity(element) < 0.01) continue;
		const text = element.textContent!.trim().slice(0, 60);
		const style = getComputedStyle(element);
		const mayTruncate = element.closest('[data-may-truncate]') !== null;
		const lines = texts.flatMap((node) => {
			const range = document.createRange();
			range.selectNodeContents(node);
			return [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
		});
		for (const line of lines) {
			if (!inside(line, frame)) problems.push({kind: 'outside', text, detail: `line at ${Math.round(line.left)},${Math.round(line.top)} ${Math.round(line.width)}×${Math.round(line.height)}`});
		}
		if (!mayTruncate) {
			// Text cut by its own box (ellipsis, line clamp, a box squeezed by flex) or by any clipping ancestor.
			for (let node: Element | null = element; node && node !== host; node = node.parentElement) {
				const clip = getComputedStyle(node);
				if (clip.overflowX === 'visible' && clip.overflowY === 'visible') continue;
				if (node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1) {
					problems.push({kind: 'clipped', text, detail: `${node.tagName} scroll ${node.scrollWidth}×${node.scrollHeight} in ${node.clientWidth}×${node.clientHeight}`});
					break;
				}
				const box = node.getBoundingClientRect();
				if (lines.some((line) => !inside(line, box))) {
					problems.push({kind: 'clipped', text, detail: `outside a clipping ${node.tagName}`});
					break;
				}
			}
		}
		for (const word of wordsSplitAcrossLines([element])) problems.push({kind: 'broken-word', text, detail: `"${word}" split across lines`});
		for (const line of lines) {
			const hit = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
			if (hit && hit !== element && !element.contains(hit) && inside(line, frame)) {
				problems.push({kind: 'covered', text, detail: `under ${hit.tagName} "${hit.textContent?.trim().slice(0, 30)}"`});
				break;
			}
		}
		const fontSize = Number.parseFloat(style.fontSize);
		if (minTextPx > 0 && fontSize < minTextPx - 0.01) problems.push({kind: 'small-text', text, detail: `${fontSize.toFixed(1)}px < ${minTextPx}px`});
		const color = parseColor(style.color);
		const background = backgroundBehind(element);
		const ratio = contrastRatio(mix(color.hex, color.alpha * effectiveOpacity(element), background), background);
		if (ratio < 4.5) problems.push({kind: 'text-contrast', text, detail: `${color.hex} on ${background}: ${ratio.toFixed(2)}:1`});
	}
	for (const element of host.querySelectorAll('[data-non-text]')) {
		if (effectiveOpacity(element) < 0.01 || element.getBoundingClientRect().width === 0) continue;
		const style = getComputedStyle(element);
		const behind = backgroundBehind(element.parentElement);
		const fill = parseColor(style.backgroundColor);
		const border = parseColor(style.borderTopColor);
		const fillRatio = fill.alpha > 0 ? contrastRatio(mix(fill.hex, fill.alpha, behind), behind) : 1;
		const borderRatio = Number.parseFloat(style.borderTopWidth) > 0 ? contrastRatio(mix(border.hex, border.alpha, behind), behind) : 1;
		if (Math.max(fillRatio, borderRatio) < 3) {
			problems.push({
				kind: 'non-text-contrast',
				text: `${element.getAttribute('data-non-text')} ${element.textContent?.trim().slice(0, 40) ?? ''}`,
				detail: `fill ${fill.hex} ${fillRatio.toFixed(2)}:1, border ${border.hex} ${borderRatio.toFixed(2)}:1 on ${behind}`,
			});
		}
	}
	for (const element of host.querySelectorAll('[data-non-text="hotspot"]')) {
		const {width, height} = element.getBoundingClientRect();
		if (minTargetPx > 0 && Math.min(width, height) < minTargetPx) {
			problems.push({kind: 'small-target', text: element.textContent!.trim(), detail: `${Math.round(width)}×${Math.round(height)} < ${minTargetPx}`});
		}
	}
	return problems;
};
