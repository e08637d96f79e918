import type {LineItemCategory} from '../templates/telco-bill/telco-bill-schema';
import {tmfWord, type TmfAppliedBillingRate} from './tmf678-schema';

/** Characteristics that say which section of the invoice a rate belongs to; TMF leaves their names to each operator. */
const sectionCharacteristicNames = ['invoicesection', 'billsection', 'section', 'category'];

/** A tenant's own invoice section names and the category each means, compared as `sectionKey`. */
export type SectionMap = Readonly<Record<string, LineItemCategory>>;

/**
 * The words of a section name or rate type, lower case and without accents: camelCase, hyphens, underscores and
 * spaces all split, so `appliedBillingChargeProductRecurringCharge` and `recurring_charge` share the word `recurring`.
 */
export const wordsOf = (name: string): string[] =>
	name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		// Recomposed, so Hangul syllables are whole again after the decomposition that let accents be dropped.
		.normalize('NFC')
		.replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
		.replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

/** English plurals to their singular, so a section matches whichever its operator wrote. */
const singular = (word: string): string =>
	/ies$/.test(word)
		? `${word.slice(0, -3)}y`
		: /(ss|sh|ch|x)es$/.test(word)
			? word.slice(0, -2)
			: /[^s]s$/.test(word) && word.length > 3
				? word.slice(0, -1)
				: word;

/** A name as a tenant's sectionMap key is compared: its singular words run together ("Device Instalments" is `deviceinstalment`). */
export const sectionKey = (name: string): string => wordsOf(name).map(singular).join('');

/**
 * The words that place a rate, most telling first: a "usage discount" is a credit and a "device instalment" a device,
 * whatever else the name says. English words are matched in the singular; Italian ones as written, singular and plural;
 * Korean ones anywhere in a word, since Korean runs nouns together ("기본료할인" is a discount on the base fee).
 * `alteration` is a price change, a credit only when it lowers the bill. `fee` comes last, so a "monthly fee" is the plan.
 */
const rules: ReadonlyArray<{readonly category: LineItemCategory | 'alteration'; readonly words: readonly string[]; readonly korean?: readonly string[]}> = [
	{category: 'taxes', words: ['tax', 'vat', 'gst', 'levy', 'iva', 'imposta', 'imposte', 'tassa', 'tasse'], korean: ['세금', '부가세', '부가가치세']},
	{
		category: 'credits',
		words: ['credit', 'discount', 'rebate', 'refund', 'promotion', 'promo', 'sconto', 'sconti', 'credito', 'crediti', 'accredito', 'accrediti', 'rimborso', 'rimborsi'],
		korean: ['할인', '감면', '환급'],
	},
	{category: 'alteration', words: ['alteration', 'adjustment', 'rettifica', 'rettifiche'], korean: ['조정']},
	{
		category: 'devices',
		words: ['device', 'instalment', 'installment', 'equipment', 'handset', 'dispositivo', 'dispositivi', 'terminale', 'terminali'],
		korean: ['단말기', '할부'],
	},
	{category: 'roaming', words: ['roaming'], korean: ['로밍']},
	{category: 'one_off', words: ['oneoff', 'onetime', 'penalty', 'activation', 'unatantum', 'penale', 'penali', 'attivazione'], korean: ['위약금', '가입비']},
	{
		category: 'plan',
		words: ['plan', 'subscription', 'recurring', 'rental', 'monthly', 'abbonamento', 'abbonamenti', 'canone', 'canoni', 'piano', 'piani'],
		korean: ['기본료', '월정액', '요금제'],
	},
	{
		category: 'addons',
		words: ['usage', 'addon', 'data', 'call', 'voice', 'sms', 'traffic', 'traffico', 'traffici', 'opzione', 'opzioni', 'consumo', 'consumi'],
		korean: ['통화료', '데이터', '부가서비스', '사용료'],
	},
	{category: 'one_off', words: ['fee'], korean: ['수수료']},
];

/**
 * The category a section name or rate type means by its words, or undefined when no word tells. A pair of words may
 * name one thing ("one-off", "add on", "una tantum"), so each pair run together is a word too.
 */
const categoryOfWords = (name: string, negative: boolean): LineItemCategory | undefined => {
	const words = wordsOf(name);
	const pairs = words.slice(1).map((word, index) => `${words[index]}${word}`);
	const candidates = new Set([...words, ...pairs].flatMap((word) => [word, singular(word)]));
	for (const rule of rules) {
		const matches =
			rule.words.some((word) => candidates.has(word)) || (rule.korean ?? []).some((word) => words.some((candidate) => candidate.includes(word)));
		if (!matches) continue;
		if (rule.category !== 'alteration') return rule.category;
		if (negative) return 'credits';
	}
	return undefined;
};

/** Why a rate went to "Other charges", naming the field (relative to the rate) the operator could map. */
interface CategoryWarning {
	readonly field: string;
	readonly message: string;
}

export interface CategoryChoice {
	readonly category: LineItemCategory;
	readonly warning?: CategoryWarning;
}

const categoryOf = ({name, sectionMap, negative}: {name: string; sectionMap: SectionMap; negative: boolean}): LineItemCategory | undefined =>
	sectionMap[sectionKey(name)] ?? categoryOfWords(name, negative);

/**
 * A rate's category: from its invoice-section characteristic when it has one (the operator's own word for where it sits
 * on the bill, looked up in the tenant's sectionMap first), else from its type (v4 `type`, v5 `appliedBillingRateType`).
 * A rate neither tells is never a reason to refuse the bill: it goes to "Other charges" under its own name, with a
 * warning naming the field to map. `negative` says whether the rate lowers the bill, which decides a price alteration.
 */
export const categoryOfRate = ({
	rate,
	sectionMap,
	negative,
}: {
	rate: TmfAppliedBillingRate;
	sectionMap: SectionMap;
	negative: boolean;
}): CategoryChoice => {
	const index = (rate.characteristic ?? []).findIndex((c) => sectionCharacteristicNames.includes(tmfWord(c.name)));
	const section = index === -1 ? undefined : rate.characteristic![index]!.value;
	const [typeField, type] = rate.type !== undefined ? ['type', rate.type] : ['appliedBillingRateType', rate.appliedBillingRateType];
	const fromSection = typeof section === 'string' ? categoryOf({name: section, sectionMap, negative}) : undefined;
	if (fromSection) return {category: fromSection};
	const fromType = type === undefined ? undefined : categoryOf({name: type, sectionMap, negative});
	const hint = 'add it to the tenant sectionMap to place it';
	if (index !== -1) {
		const field = `characteristic[${index}].value`;
		const said = `the invoice section ${JSON.stringify(section)} is not one billcast knows`;
		return fromType
			? {category: fromType, warning: {field, message: `${said}, so the line was placed by its ${typeField} ${JSON.stringify(type)}: ${hint}`}}
			: {category: 'other', warning: {field, message: `${said}, so the line is shown under "Other charges": ${hint}`}};
	}
	if (fromType) return {category: fromType};
	return {
		category: 'other',
		warning: {
			field: type === undefined ? 'characteristic' : typeField,
			message:
				(type === undefined ? 'gives no invoiceSection characteristic and no rate type' : `${JSON.stringify(type)} does not say which section of the bill the rate belongs to`) +
				`, so the line is shown under "Other charges": add an invoiceSection characteristic, or map the name in the tenant sectionMap`,
		},
	};
};
