/**
 * The scenes of every template, by template. Each template adds its own entry from its folder (`declare module` on this
 * file, beside its scene list), so shared code can name any template's scene without a list here to keep up to date.
 * @public (exported for that `declare module`, which no import shows)
 */
export interface TemplateScenes {}

/** Any scene of any template. */
export type SceneId = TemplateScenes[keyof TemplateScenes];
