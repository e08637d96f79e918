/**
 * The one font list of the video, the player and the pages, as CSS `font-family`. Debian's Noto Sans CJK covers Latin,
 * Hangul and Han. The colour emoji font comes before DejaVu Sans, which has monochrome faces of some emoji (😀) that
 * would otherwise win; DejaVu then fills in what the others lack (Arabic). `system-ui` stands in on viewers' devices,
 * which have none of these. Single quotes, because the dashboard's charts write it into SVG `style` attributes.
 */
export const FONT_FAMILY = "'Noto Sans CJK KR', 'Noto Sans CJK JP', 'Noto Sans', 'Noto Color Emoji', 'DejaVu Sans', system-ui, sans-serif";
