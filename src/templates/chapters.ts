import {messagesFor, wordsFor} from '../i18n/catalogue';
import type {SceneId} from '../scene-ids';
import {templateOf, templates, type TemplateId} from './registry';

/**
 * Each scene's chapter name in a template's video: the shared scenes' from the shared words, the template's own from
 * its words. Typed for every scene because a timeline's scenes are; a template's timeline plays only scenes named here.
 */
export const chaptersOf = (template: TemplateId, locale: string): Readonly<Record<SceneId, string>> =>
	({...messagesFor(locale).chapters, ...wordsFor(templateOf(template).words, locale).chapters}) as Record<SceneId, string>;

/** Every template's scene names at once, for reports that count scenes across templates. */
export const sceneNames = (locale: string): Readonly<Record<SceneId, string>> =>
	Object.assign({}, ...templates.map((template) => chaptersOf(template.id, locale))) as Record<SceneId, string>;
