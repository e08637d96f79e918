/**
 * The player's CSS, adopted as a constructed stylesheet: the watch page's CSP allows no inline <style>, and a host
 * page embedding the player needs nothing but the script. Class names start with `bc-` so they do not meet the host's.
 */
const CSS = `
.bc-root{position:relative;margin:0 auto;background:#000;outline:none;font-family:"Noto Sans CJK KR","Noto Sans","DejaVu Sans",system-ui,sans-serif}
.bc-root:focus-visible{box-shadow:0 0 0 3px #1A73E8}
.bc-stage{position:absolute;inset:0}
.bc-overlay{position:absolute;inset:0;pointer-events:none}
.bc-hotspot{position:absolute;pointer-events:auto;background:transparent;border:0;border-radius:999px;cursor:pointer;padding:0;margin:0;display:block;color:transparent;font-size:1px;overflow:hidden}
.bc-hotspot:hover{box-shadow:0 0 0 3px rgba(255,255,255,.7)}
.bc-hotspot:focus-visible,.bc-sheet :focus-visible,.bc-bar button:focus-visible{outline:3px solid #fff;box-shadow:0 0 0 6px #1A73E8}
.bc-bar{position:absolute;top:8px;right:8px;display:flex;gap:6px}
.bc-bar button{font:600 13px system-ui,sans-serif;background:rgba(0,0,0,.6);color:#fff;border:1px solid rgba(255,255,255,.5);border-radius:6px;padding:4px 8px;cursor:pointer}
.bc-bar button[aria-pressed="true"]{background:#fff;color:#000}
.bc-caption{position:absolute;left:5%;right:5%;bottom:14%;text-align:center;pointer-events:none}
.bc-caption span{background:rgba(0,0,0,.75);color:#fff;padding:2px 8px;border-radius:4px;font-size:clamp(13px,2.4vw,22px);line-height:1.5;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.bc-backdrop{position:fixed;inset:0;background:rgba(10,8,20,.55);display:flex;align-items:flex-end;justify-content:center;z-index:2147483000}
.bc-sheet{background:#fff;color:#14121F;width:100%;max-width:440px;border-radius:16px 16px 0 0;padding:20px 20px 24px;box-shadow:0 -8px 32px rgba(0,0,0,.3);font-family:"Noto Sans CJK KR","Noto Sans","DejaVu Sans",system-ui,sans-serif}
@media (min-width:600px){.bc-backdrop{align-items:center}.bc-sheet{border-radius:16px}}
.bc-sheet h2{margin:0 0 12px;font-size:1.2rem}
.bc-sheet dl{display:grid;grid-template-columns:auto 1fr;gap:6px 16px;margin:0 0 16px}
.bc-sheet dt{color:#5B5870}
.bc-sheet dd{margin:0;font-weight:600;text-align:right}
.bc-sheet .bc-amount{font-size:1.6rem;font-weight:800}
.bc-pay{display:block;text-align:center;background:var(--bc-accent,#4B2BD6);color:var(--bc-on-accent,#fff);font-weight:700;font-size:1.1rem;padding:14px;border-radius:999px;text-decoration:none}
.bc-close{display:block;width:100%;margin-top:10px;background:none;font:inherit;border:1px solid #CFCCE0;border-radius:999px;padding:10px;font-size:1rem;cursor:pointer;color:#14121F}
.bc-error{color:#fff;padding:16px}
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
