import type {LRUCache} from 'lru-cache';
import {cached, makeCache} from '../cached';
import {en} from './en';
import {it} from './it';
import {ko} from './ko';
import {PARTICLE_PAIR, particleAfter} from './korean-particles';
import type {DeepPartial, Messages} from './messages';

export type {Messages} from './messages';

/**
 * A set of words in English and its translations by language. The shared catalogue below is one; each template keeps
 * its own words in its folder as another, so adding a template adds no key here.
 */
export type WordCatalogue<W> = {readonly en: W} & {[language: string]: DeepPartial<W>};

/** The shared words by language: a full tag (`it-IT`) falls back to its language, a language to English. */
export const catalogues: WordCatalogue<Messages> = {en, it, ko};

type Tree = {readonly [key: string]: string | Tree};

/** English with the translation laid over it, key by key, so a missing key shows English rather than nothing. */
const overlay = (base: Tree, over: Tree | undefined): Tree =>
	Object.fromEntries(
		Object.entries(base).map(([key, value]) => {
			const given = over?.[key];
			if (typeof value === 'string') return [key, typeof given === 'string' ? given : value];
			return [key, overlay(value, typeof given === 'object' ? given : undefined)];
		}),
	);

/** Dotted paths of every key English has and the translation lacks. */
export const missingKeys = (translation: object, base: object = en, prefix = ''): string[] =>
	Object.entries(base).flatMap(([key, value]) => {
		const given = (translation as Tree)[key];
		if (typeof value === 'string') return typeof given === 'string' ? [] : [`${prefix}${key}`];
		return missingKeys(typeof given === 'object' ? given : {}, value as object, `${prefix}${key}.`);
	});

const wordsByCatalogue = new WeakMap<object, LRUCache<string, object>>();

const languages = makeCache<string>();
const pluralRules = makeCache<Intl.PluralRules>();

const readLanguage = (locale: string): string => {
	try {
		return new Intl.Locale(locale).language;
	} catch {
		return locale.split(/[-_]/)[0]!.toLowerCase();
	}
};

/**
 * A tag's language, lower-cased as Intl writes it ("IT-IT" gives "it"); a tag Intl cannot read keeps its first part.
 * Kept per tag, as the plural rules below: every amount, date and counted phrase of a scene or a page asks again.
 */
export const languageOf = (locale: string): string => cached(languages, locale, () => readLanguage(locale));

/** A catalogue's words for a locale, by full tag then language, with English for anything missing. */
export const wordsFor = <W>(catalogue: WordCatalogue<W>, locale: string): W => {
	let byLocale = wordsByCatalogue.get(catalogue);
	if (!byLocale) wordsByCatalogue.set(catalogue, (byLocale = makeCache()));
	return cached(byLocale, locale, () => overlay(catalogue.en as Tree, (catalogue[locale] ?? catalogue[languageOf(locale)]) as Tree | undefined)) as W;
};

/**
 * The locale a customer's video, voice and page are written in: theirs when billcast has words in its language, else
 * British English, so an English sentence never carries French month names, German number words or another
 * language's plural rules ("Due by 21 November 2026", "€68.40", "23.4 GB").
 */
export const writtenLocale = (locale: string): string => (languageOf(locale) in catalogues ? locale : 'en-GB');

/** The shared words for a locale: the player's, the watch page's and the scenes every template has. */
export const messagesFor = (locale: string): Messages => wordsFor(catalogues, locale);

const PLACEHOLDER = new RegExp(`\\{(\\w+)\\}(${PARTICLE_PAIR.source.slice(1)})?`, 'g');

/** The template with its `{key}`s filled in; a Korean particle written both ways ("을(를)") agrees with its word. */
export const fill = (template: string, values: Record<string, string>): string =>
	template.replace(PLACEHOLDER, (whole, key: string, pair: string | undefined) => {
		const value = values[key];
		if (value === undefined) return whole;
		return pair ? value + particleAfter(value, pair) : value;
	});

/**
 * The form of a counted phrase that the locale's plural rules pick for `count`. Catalogues carry `one` and `other`,
 * which covers the shipped languages; a rule that answers `two`, `few` or `many` falls back to `other`.
 */
export const pluralForm = <T>(forms: {readonly one: T; readonly other: T}, {count, locale}: {count: number; locale: string}): T =>
	pluralRulesOf(writtenLocale(locale)).select(count) === 'one' ? forms.one : forms.other;

const pluralRulesOf = (locale: string): Intl.PluralRules => cached(pluralRules, locale, () => new Intl.PluralRules(locale));
