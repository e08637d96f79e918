import {EMOJI_FONT_FACE, FONT_FAMILY} from '../../src/font-family';

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Markup that is already safe; only `html` makes one, so bill text can never become markup by accident. */
export class SafeHtml {
	constructor(readonly value: string) {}
	toString(): string {
		return this.value;
	}
}

const render = (value: unknown): string => {
	if (value instanceof SafeHtml) return value.value;
	if (Array.isArray(value)) return value.map(render).join('');
	if (value === undefined || value === null || value === false) return '';
	return escapeHtml(String(value));
};

/** A template tag that escapes every interpolated value unless it is itself `html`. */
export const html = (strings: TemplateStringsArray, ...values: unknown[]): SafeHtml =>
	new SafeHtml(strings.reduce((out, text, i) => out + text + (i < values.length ? render(values[i]) : ''), ''));

/** Trusted constant markup or CSS written in this codebase (never bill text), inserted as it is. */
export const trusted = (constant: string): SafeHtml => new SafeHtml(constant);

/**
 * What every server-rendered page (the watch page, the dashboard) starts its stylesheet with, in the video's fonts.
 */
export const BASE_PAGE_STYLE = `
${EMOJI_FONT_FACE}
*{box-sizing:border-box}
body{margin:0;font-family:${FONT_FAMILY};background:#F4F3F8;color:#14121F;line-height:1.45}
/* Korean breaks lines between words, as the video does, not between syllables (청/구서를). */
:lang(ko){word-break:keep-all}
`;
