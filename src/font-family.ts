const EMOJI_FAMILY = 'billcast emoji';

/**
 * The colour emoji fonts by their installed names, for emoji code points only. Noto Color Emoji also has digits and
 * spaces: named plainly ahead of DejaVu, it drew "68.40" wide and grey on any device that lacked the fonts named before
 * it. A device with none of these fonts skips the face. Pages, the player and the render page each declare it.
 */
export const EMOJI_FONT_FACE = `@font-face{font-family:'${EMOJI_FAMILY}';src:local('Noto Color Emoji'),local('Apple Color Emoji'),local('Segoe UI Emoji');unicode-range:U+200D,U+20E3,U+231A-231B,U+23E9-23FA,U+2600-27BF,U+2B05-2B07,U+2B1B-2B1C,U+2B50,U+2B55,U+3030,U+303D,U+3297,U+3299,U+FE0F,U+1F000-1FAFF,U+E0020-E007F}`;

/**
 * The one font list of the video, the player and the pages, as CSS `font-family`. Debian's Noto Sans CJK covers Latin,
 * Hangul and Han. The emoji face comes before DejaVu Sans, which has monochrome faces of some emoji (😀) that would
 * otherwise win; DejaVu then fills in what the others lack (Arabic). `system-ui` stands in on viewers' devices, which
 * have none of the named text fonts. Single quotes, because the dashboard's charts write it into SVG `style` attributes.
 */
export const FONT_FAMILY = `'Noto Sans CJK KR', 'Noto Sans CJK JP', 'Noto Sans', '${EMOJI_FAMILY}', 'DejaVu Sans', system-ui, sans-serif`;
