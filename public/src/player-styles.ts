import {EMOJI_FONT_FACE, FONT_FAMILY} from '../../src/font-family';
import {PLAYER_BAR} from '../../src/palette';
import {
	CAPTION_BAND_PADDING_PX,
	CAPTION_LINE_HEIGHT,
	captionBandCss,
	captionFontCss,
	CONTROL_BAR_PX,
	FULLSCREEN_CAPTION_FONT,
} from '../../src/player-layout';

/** The smallest a cue too long for the band's two lines is drawn, before the band scrolls instead. */
export const CAPTION_SMALLEST_PX = 11;

/** WCAG 2.5.8's smallest target, in CSS px. */
const HOTSPOT_TARGET_MIN_PX = 24;

/** Out of sight, still read by assistive technology. */
const VISUALLY_HIDDEN = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap';

/**
 * The player's CSS, adopted as a constructed stylesheet: the watch page's CSP allows no inline <style>, and a host
 * page embedding the player needs nothing but the script. Class names start with `bc-` so they do not meet the host's.
 */
const CSS = `
${EMOJI_FONT_FACE}
/* The root fills a box with a height (the watch page's, an embed's, full screen) and otherwise takes the picture's
   natural height. The screen above the control bar holds the picture and, under it, the caption band: the picture is
   fitted into what the band leaves (the frame's height shrinks, its width follows its aspect ratio), and where there is
   room to spare both sit together in the middle, the band directly under the picture. */
/* The element fills a host's box of fixed height, and takes its natural height in one without (a percentage of an
   auto height is auto); any rule of the host page or the watch page's box wins over this one. */
:where(billcast-player){height:100%}
.bc-root{position:relative;isolation:isolate;width:100%;height:100%;margin:0 auto;background:#000;outline:none;display:flex;flex-direction:column;font-family:${FONT_FAMILY};--bc-caption-font:${captionFontCss('100cqw')}}
.bc-root:focus-visible{box-shadow:0 0 0 3px #1A73E8}
.bc-root:fullscreen{width:100vw;height:100vh;--bc-caption-font:${captionFontCss(`min(100vw, (100vh - ${CONTROL_BAR_PX}px) * var(--bc-ratio))`, FULLSCREEN_CAPTION_FONT)}}
.bc-screen{flex:1 1 auto;min-height:0;display:flex;flex-direction:column;align-items:center;justify-content:center;container-type:inline-size}
.bc-frame{position:relative;overflow:hidden;flex:0 1 calc(100cqw / var(--bc-ratio));min-height:0;max-width:100%;container-type:inline-size}
.bc-stage{position:absolute;inset:0}
.bc-overlay{position:absolute;inset:0;pointer-events:none}
.bc-hotspot{position:absolute;pointer-events:auto;background:transparent;border:0;border-radius:999px;cursor:pointer;padding:0;margin:0;display:block;color:transparent;font-size:1px;overflow:hidden}
.bc-hotspot:hover{box-shadow:0 0 0 3px rgba(255,255,255,.7)}
.bc-hotspot:focus-visible,.bc-sheet :focus-visible,.bc-controls :focus-visible,.bc-big-play:focus-visible{outline:3px solid #fff;box-shadow:0 0 0 6px #1A73E8}
.bc-controls{height:${CONTROL_BAR_PX}px;width:100%;flex:none;display:flex;align-items:center;gap:8px;padding:0 8px;box-sizing:border-box;background:${PLAYER_BAR};color:#fff;container-type:inline-size}
.bc-controls button{font-family:inherit;font-size:14px;font-weight:600;line-height:1;display:inline-flex;align-items:center;justify-content:center;min-width:40px;min-height:36px;background:transparent;color:#fff;border:1px solid rgba(255,255,255,.5);border-radius:6px;padding:0 10px;cursor:pointer;white-space:nowrap}
.bc-controls button[aria-pressed="true"]{background:#fff;color:${PLAYER_BAR}}
.bc-controls .bc-sound{gap:6px}
.bc-cc svg{display:none}
.bc-controls svg{flex:none}
.bc-announce{${VISUALLY_HIDDEN}}
.bc-voice-pending{display:inline-flex;align-items:center;gap:6px;min-height:36px;font-size:13px;color:rgba(255,255,255,.85);white-space:nowrap}
/* The brand's accent lightened to 3:1 on the bar (the palette's seek colour, set by the player): #1F4FD1 itself was 2.7:1.
   As tall as the buttons, so the whole height takes a press (it was 16 px). */
.bc-seek{flex:1;min-width:60px;height:36px;margin:0;accent-color:var(--bc-seek)}
.bc-time{font:13px/1 system-ui,sans-serif;font-variant-numeric:tabular-nums;white-space:nowrap}
/* By the bar's own width, not the screen's: a player embedded narrow, or a portrait MP4 on a desktop page, is as tight
   as a phone. The time goes first, then the captions button takes its icon, then the sound button keeps only its icon;
   the names stay for assistive technology. Under 280 px of bar (the smallest embeds) the Chapters button goes too:
   Page Down and Page Up still go from chapter to chapter. The widths fit the longest labels (Italian); the narrow-player browser test
   measures every language. */
@container (max-width:560px){.bc-time{display:none}}
@container (max-width:500px){.bc-cc svg{display:block}.bc-cc .bc-label{${VISUALLY_HIDDEN}}.bc-controls .bc-cc{padding:0 8px}}
@container (max-width:440px){.bc-label{${VISUALLY_HIDDEN}}.bc-controls button{padding:0 8px}.bc-seek{min-width:40px}}
@container (max-width:300px){.bc-controls{gap:4px}}
@container (max-width:263px){.bc-chapters{display:none}}
.bc-root:lang(ko){word-break:keep-all}
.bc-top{position:absolute;top:8px;left:5%;right:5%;display:flex;flex-direction:column;align-items:center;gap:6px;pointer-events:none}
/* The white edge keeps the banner apart from a green brand's scene, in the video and on the intro card. */
.bc-paid{max-width:100%;padding:6px 14px;border-radius:16px;background:#0B6B3A;color:#fff;box-shadow:0 0 0 2px rgba(255,255,255,.85);font:600 14px/1.3 system-ui,sans-serif;text-align:center}
.bc-paid-short{display:none}
@container (max-width:520px){.bc-paid{padding:4px 12px}.bc-paid-full{${VISUALLY_HIDDEN}}.bc-paid-short{display:inline}}
/* In a small picture (a 320×180 embed) the banner was a quarter of its height: a small tag in the corner instead. */
@container (max-width:400px){.bc-top{top:4px;left:4px;right:auto;align-items:flex-start}.bc-top .bc-paid{padding:1px 6px;border-radius:8px;font-size:11px;box-shadow:0 0 0 1px rgba(255,255,255,.85)}}
.bc-paid-stamp{position:absolute;display:flex;align-items:center;justify-content:center;border-radius:999px;background:#0B6B3A;color:#fff;font-weight:700;line-height:1;pointer-events:none}
/* The band is two lines of caption text high (src/player-layout.ts sizes the page's box by the same sum). A cue's two
   lines stay two lines, as it was written (src/reading-pace.ts); one too long for the band's width is drawn smaller
   (--bc-caption-fit, set by the player) and, at the smallest size, scrolls rather than being cut off. White on black: 21:1. */
.bc-band{flex:none;align-self:stretch;box-sizing:border-box;height:${captionBandCss('var(--bc-caption-font)')};padding:${CAPTION_BAND_PADDING_PX}px 8px;display:flex;flex-direction:column;overflow-y:auto;scrollbar-width:thin}
.bc-caption{margin:auto 0;color:#fff;text-align:center;white-space:pre-line;overflow-wrap:anywhere;font-size:max(${CAPTION_SMALLEST_PX}px,calc(var(--bc-caption-font) * var(--bc-caption-fit,1)));line-height:${CAPTION_LINE_HEIGHT}}
/* In a box too small for the band (captionsOverPicture in src/player-layout.ts) the same two lines lie over the foot of
   the picture, each line on its own black box; the hotspots under them still take clicks. A cue that still takes three
   lines at the smallest size grows upwards rather than being cut off at the foot. */
.bc-band-over{position:absolute;left:0;right:0;bottom:0;overflow:visible;justify-content:flex-end;pointer-events:none}
.bc-band-over .bc-caption{margin:0}
.bc-band-over .bc-caption span{background:rgba(0,0,0,.8);padding:1px 6px;border-radius:4px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.bc-intro{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:4px;text-align:center;padding:16px;cursor:default}
.bc-intro p{margin:0}
.bc-intro-name{font-size:clamp(16px,3.4cqw,34px);font-weight:700}
.bc-intro-amount{font-size:clamp(28px,8cqw,72px);font-weight:800;line-height:1.1}
.bc-intro-due,.bc-intro .bc-paid{font-size:clamp(14px,2.6cqw,24px)}
.bc-intro .bc-paid{margin-top:6px}
.bc-big-play{margin-top:12px;font-family:inherit;font-weight:700;font-size:clamp(16px,2.8cqw,26px);line-height:1.2;display:inline-flex;align-items:center;gap:8px;background:var(--bc-accent,#4B2BD6);color:var(--bc-on-accent,#fff);border:2px solid var(--bc-accent-edge,transparent);border-radius:999px;padding:14px 28px;min-height:48px;cursor:pointer;box-shadow:0 4px 16px rgba(0,0,0,.3)}
/* The sheet stays in the player's box (an embed's, the watch page's, the screen in full screen): the host page around
   it is not the player's to dim. Its own size picks the layout: a card where there is room, a compact one in a short box. */
.bc-backdrop{position:absolute;inset:0;background:rgba(10,8,20,.55);display:flex;overflow:auto;z-index:3;container-type:size}
/* Never taller than the box: in a short one the details scroll inside the sheet and the pay and close buttons stay in
   sight (at 320×256 the close button was under the box's foot). */
.bc-sheet{margin:auto auto 0;background:#fff;color:#14121F;width:100%;max-width:440px;max-height:100%;display:flex;flex-direction:column;overflow-y:auto;border-radius:16px 16px 0 0;padding:20px 20px 24px;box-sizing:border-box;box-shadow:0 -8px 32px rgba(0,0,0,.3);font-family:${FONT_FAMILY}}
.bc-sheet>*{flex:none}
@container (min-width:600px){.bc-sheet{margin:auto;border-radius:16px}}
.bc-sheet h2{margin:0 0 12px;font-size:1.2rem}
.bc-sheet>dl{display:grid;grid-template-columns:auto 1fr;gap:6px 16px;margin:0 0 16px;flex:0 1 auto;min-height:0;overflow-y:auto}
.bc-sheet dt{color:#5B5870}
.bc-sheet dd{margin:0;font-weight:600;text-align:right}
.bc-sheet .bc-amount{font-size:1.6rem;font-weight:800}
.bc-pay{display:block;text-align:center;background:var(--bc-accent,#4B2BD6);color:var(--bc-on-accent,#fff);border:2px solid var(--bc-accent-edge-on-card,transparent);font-weight:700;font-size:1.1rem;padding:14px;border-radius:999px;text-decoration:none}
.bc-close{display:block;width:100%;margin-top:10px;background:none;font:inherit;border:1px solid #CFCCE0;border-radius:999px;padding:10px;font-size:1rem;cursor:pointer;color:#14121F}
@container (max-height:340px){.bc-sheet{margin:auto;border-radius:12px;padding:8px 12px}.bc-sheet h2{font-size:.95rem;margin:0 0 2px}.bc-sheet dl{gap:0 12px;margin:0 0 6px;font-size:.8rem;line-height:1.25}.bc-sheet .bc-amount{font-size:1rem}.bc-pay{padding:6px;font-size:.95rem}.bc-close{margin-top:4px;padding:4px;font-size:.85rem}}
.bc-error{margin:0;padding:16px;background:#14121F;color:#fff;border:2px solid #fff;border-radius:8px;font:16px/1.4 system-ui,sans-serif}
/* The chapters menu opens above the control bar, in the player's box (at 320 px wide it spans it), and scrolls when the
   box is too short for all of it; each chapter is a target at least 24 px high (WCAG 2.5.8). */
.bc-controls .bc-chapters-button{padding:0 8px}
.bc-chapter-menu{position:absolute;right:8px;bottom:${CONTROL_BAR_PX}px;z-index:2;margin:0 0 4px;padding:4px;list-style:none;min-width:160px;max-width:calc(100% - 16px);max-height:calc(100% - ${CONTROL_BAR_PX + 8}px);overflow-y:auto;box-sizing:border-box;background:#14121F;color:#fff;border:1px solid rgba(255,255,255,.5);border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.4)}
.bc-controls .bc-chapter-menu button{display:flex;justify-content:space-between;gap:12px;width:100%;min-height:28px;padding:4px 10px;border:0;border-radius:4px;font-size:14px;font-weight:400;text-align:start;white-space:normal}
.bc-controls .bc-chapter-menu button:hover{background:rgba(255,255,255,.15)}
.bc-controls .bc-chapter-menu button[aria-checked="true"]{font-weight:700;background:rgba(255,255,255,.2)}
.bc-chapter-time{font-variant-numeric:tabular-nums;opacity:.8}
/* A hotspot drawn smaller than a finger's target (17 px high in a 320×180 embed) takes presses on an invisible area
   around its centre at least 24×24 (WCAG 2.5.8), without moving or growing what the video draws or its focus ring. */
.bc-overlay .bc-hotspot{overflow:visible}
.bc-overlay .bc-hotspot::before{content:"";position:absolute;left:50%;top:50%;width:max(100%,${HOTSPOT_TARGET_MIN_PX}px);height:max(100%,${HOTSPOT_TARGET_MIN_PX}px);transform:translate(-50%,-50%)}
@media (prefers-reduced-motion:reduce){.bc-root *{transition:none!important;animation:none!important}}
`;

let adopted = false;

export const adoptPlayerStyles = (): void => {
	if (adopted) return;
	adopted = true;
	const sheet = new CSSStyleSheet();
	sheet.replaceSync(CSS);
	document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
};
