/**
 * Korean particles change with the sound that ends the word before them: 을/를, 이/가, 은/는, 과/와, 으로/로. A catalogue
 * writes both forms the usual way ("{brand}을(를)"); `fill` picks one for the word that replaces the placeholder.
 */

/** How a word ends when read aloud in Korean: on a vowel, on ㄹ, on another final consonant, or we cannot tell. */
export type KoreanEnding = 'vowel' | 'rieul' | 'consonant' | 'unknown';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** The index of ㄹ among the final consonants of a Hangul syllable. */
const RIEUL = 8;

/** Digits as Korean reads them (영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구); a number ending in 0 ends on 십, 백, 천 or 만. */
const DIGIT_ENDINGS: readonly KoreanEnding[] = ['consonant', 'rieul', 'vowel', 'consonant', 'vowel', 'vowel', 'consonant', 'rieul', 'rieul', 'vowel'];

/** Latin letters spelled out, as in an acronym (엘, 엠, 엔 and 알 end on a consonant; 에이, 비, 씨… on a vowel). */
const LETTER_ENDINGS: Readonly<Record<string, KoreanEnding>> = {L: 'rieul', M: 'consonant', N: 'consonant', R: 'rieul'};

const isVowel = (letter: string | undefined): boolean => letter !== undefined && /[aeiouy]/i.test(letter);

/**
 * An English word's ending as Korean borrows it: final l, m, n, ng stay final consonants (모바일, 텔레콤, 보다폰), as do
 * k, p, t, b right after a vowel (넷, 북, 웹); a consonant cluster or any other final letter gains a vowel (스마트, 가스);
 * a silent e keeps the sound before it (라인, 홈) except after other consonants (오렌지, 사이트).
 */
const englishEnding = (word: string): KoreanEnding => {
	const lower = word.toLowerCase();
	const last = lower.at(-1);
	const before = lower.at(-2);
	if (last === 'e' && before !== undefined && !isVowel(before)) {
		if (before === 'l') return isVowel(lower.at(-3)) ? 'rieul' : 'vowel';
		return before === 'm' || before === 'n' ? 'consonant' : 'vowel';
	}
	if (last === undefined || isVowel(last) || last === 'w') return 'vowel';
	if (last === 'l') return 'rieul';
	if (last === 'm' || last === 'n' || lower.endsWith('ng')) return 'consonant';
	if ('kptbg'.includes(last) && isVowel(before)) return 'consonant';
	return 'vowel';
};

/** How `text` ends when read in Korean, from its last Hangul syllable, digit or Latin word; symbols are skipped. */
export const koreanEnding = (text: string): KoreanEnding => {
	const trimmed = text.replace(/[\s.,!?'"’”)\]}»…:;·-]+$/u, '');
	const last = trimmed.at(-1);
	if (last === undefined) return 'unknown';
	const code = last.codePointAt(0)!;
	if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
		const final = (code - HANGUL_FIRST) % 28;
		return final === 0 ? 'vowel' : final === RIEUL ? 'rieul' : 'consonant';
	}
	if (/[0-9]/.test(last)) return DIGIT_ENDINGS[Number(last)]!;
	const word = /[A-Za-z]+$/.exec(trimmed)?.[0];
	if (!word) return 'unknown';
	if (word === word.toUpperCase() && word.length <= 4) return LETTER_ENDINGS[last] ?? 'vowel';
	return englishEnding(word);
};

/** Each particle as [after a final consonant, after a vowel]; 으로 is also dropped after ㄹ. */
const PARTICLES: ReadonlyArray<readonly [string, string]> = [
	['을', '를'],
	['이', '가'],
	['은', '는'],
	['과', '와'],
	['으로', '로'],
];

/** Both forms as catalogues write them, in either order: "을(를)", "를(을)", "(으)로"… */
const written = PARTICLES.flatMap(([consonant, vowel]) => [
	[`${consonant}(${vowel})`, consonant, vowel],
	[`${vowel}(${consonant})`, consonant, vowel],
	...(consonant === `으${vowel}` ? [[`(으)${vowel}`, consonant, vowel]] : []),
]) as ReadonlyArray<readonly [string, string, string]>;

/** A pattern for the both-forms notation right at the start of a string. */
export const PARTICLE_PAIR = new RegExp(`^(?:${written.map(([form]) => form.replace(/[()]/g, '\\$&')).join('|')})`);

/**
 * The particle a word takes, given the both-forms notation that follows it in a catalogue string; when the ending
 * cannot be told (a symbol, a Han character), the notation stays as written, as Korean print does.
 */
export const particleAfter = (word: string, pair: string): string => {
	const match = written.find(([form]) => form === pair);
	if (!match) return pair;
	const [, consonant, vowel] = match;
	const ending = koreanEnding(word);
	if (ending === 'unknown') return pair;
	if (consonant === '으로') return ending === 'consonant' ? consonant : vowel;
	return ending === 'vowel' ? vowel : consonant;
};
