import {wordsFor, type WordCatalogue} from '../../i18n/catalogue';
import type {SharedChapterId} from '../../i18n/messages';
import type {LineItemCategory} from './telco-bill-schema';
import type {TelcoSceneId} from './telco-scenes';

/** What only the telco bill's scenes say, and the chapter names of its own scenes; the shared words are in src/i18n. */
export interface TelcoWords {
	readonly comparedToLast: string;
	readonly moreThanLast: string;
	readonly lessThanLast: string;
	readonly sameAsLast: string;
	readonly firstBill: string;
	readonly changeUp: string;
	readonly changeDown: string;
	/** A refund or discount that grew: more came off the bill, which "went down" would tell the customer the other way round. */
	readonly creditMoreBack: string;
	/** A refund or discount that shrank: less came off the bill. */
	readonly creditLessBack: string;
	readonly savedWithCredits: string;
	readonly usageTitle: string;
	readonly usageData: string;
	readonly usageMinutes: string;
	readonly usageSms: string;
	readonly usageUnlimited: string;
	readonly usageOf: string;
	readonly tipOver: string;
	/** The tip when more than one meter went over, `{meter}` being their labels as the locale lists them. */
	readonly tipOverSeveral: string;
	readonly tipUnder: string;
	readonly categories: Record<LineItemCategory, string>;
	/** The breakdown's row that gathers the smaller categories. */
	readonly other: string;
	readonly chapters: Record<Exclude<TelcoSceneId, SharedChapterId>, string>;
}

export const telcoWords: WordCatalogue<TelcoWords> = {
	en: {
		comparedToLast: 'Last bill: {amount}',
		moreThanLast: '{amount} more than last time',
		lessThanLast: '{amount} less than last time',
		sameAsLast: 'The same as last time',
		firstBill: 'Your first bill with us',
		changeUp: '{category} added {amount}',
		changeDown: '{category} went down by {amount}',
		creditMoreBack: '{category} gave you {amount} more back',
		creditLessBack: '{category} gave you {amount} less back',
		savedWithCredits: 'You saved {amount} with discounts and credits',
		usageTitle: 'What you used',
		usageData: 'Data',
		usageMinutes: 'Minutes',
		usageSms: 'Texts',
		usageUnlimited: 'unlimited',
		usageOf: '{used} of {allowance}',
		tipOver: 'You went over your {meter} allowance: a bigger plan could cost less.',
		tipOverSeveral: 'You went over your {meter} allowances: a bigger plan could cost less.',
		tipUnder: 'You used under a third of your {meter} allowance: a smaller plan could save you money.',
		categories: {
			plan: 'Your plan',
			addons: 'Add-ons and data',
			roaming: 'Roaming',
			devices: 'Devices and instalments',
			one_off: 'One-off charges',
			credits: 'Discounts and credits',
			other: 'Other charges',
			taxes: 'Taxes',
		},
		other: 'Other',
		chapters: {total: 'Your total', breakdown: 'Where it goes', usage: 'What you used'},
	},
	it: {
		comparedToLast: 'Bolletta precedente: {amount}',
		moreThanLast: '{amount} in più dell’ultima volta',
		lessThanLast: '{amount} in meno dell’ultima volta',
		sameAsLast: 'Come l’ultima volta',
		firstBill: 'La tua prima bolletta con noi',
		changeUp: '{category}: {amount} in più',
		changeDown: '{category}: {amount} in meno',
		creditMoreBack: '{category}: {amount} in più a tuo favore',
		creditLessBack: '{category}: {amount} in meno a tuo favore',
		savedWithCredits: 'Hai risparmiato {amount} con sconti e accrediti',
		usageTitle: 'Cosa hai usato',
		usageData: 'Dati',
		usageMinutes: 'Minuti',
		usageSms: 'SMS',
		usageUnlimited: 'illimitati',
		usageOf: '{used} su {allowance}',
		tipOver: 'Hai superato la soglia di {meter}: un piano più ampio potrebbe costarti meno.',
		tipOverSeveral: 'Hai superato le soglie di {meter}: un piano più ampio potrebbe costarti meno.',
		tipUnder: 'Hai usato meno di un terzo della soglia di {meter}: un piano più piccolo potrebbe farti risparmiare.',
		categories: {
			plan: 'Il tuo piano',
			addons: 'Opzioni e dati',
			roaming: 'Roaming',
			devices: 'Dispositivi e rate',
			one_off: 'Costi una tantum',
			other: 'Altri addebiti',
			credits: 'Sconti e accrediti',
			taxes: 'Imposte',
		},
		other: 'Altro',
		chapters: {total: 'Il totale', breakdown: 'Come si compone', usage: 'Cosa hai usato'},
	},
	ko: {
		comparedToLast: '지난 청구 금액: {amount}',
		moreThanLast: '지난번보다 {amount} 많습니다',
		lessThanLast: '지난번보다 {amount} 적습니다',
		sameAsLast: '지난번과 같습니다',
		firstBill: '첫 번째 청구서입니다',
		changeUp: '{category} 요금이 {amount} 늘었습니다',
		changeDown: '{category} 요금이 {amount} 줄었습니다',
		creditMoreBack: '{category}(으)로 {amount} 더 돌려받으셨습니다',
		creditLessBack: '{category}(으)로 돌려받으신 금액이 {amount} 줄었습니다',
		savedWithCredits: '할인과 크레딧으로 {amount} 절약하셨습니다',
		usageTitle: '이번 달 사용량',
		usageData: '데이터',
		usageMinutes: '통화',
		usageSms: '문자',
		usageUnlimited: '무제한',
		usageOf: '{allowance} 중 {used}',
		tipOver: '{meter} 제공량을 초과하셨습니다. 더 큰 요금제가 더 저렴할 수 있습니다.',
		tipOverSeveral: '{meter} 제공량을 모두 초과하셨습니다. 더 큰 요금제가 더 저렴할 수 있습니다.',
		tipUnder: '{meter} 제공량의 3분의 1도 쓰지 않으셨습니다. 더 작은 요금제로 절약할 수 있습니다.',
		categories: {plan: '기본 요금제', addons: '부가 서비스 및 데이터', roaming: '로밍', devices: '단말기 할부', one_off: '일회성 요금', other: '기타 요금', credits: '할인 및 크레딧', taxes: '세금'},
		other: '기타',
		chapters: {total: '청구 금액', breakdown: '요금 구성', usage: '사용량'},
	},
};

/** The template's words for a locale, with English for anything a translation lacks. */
export const telcoWordsFor = (locale: string): TelcoWords => wordsFor(telcoWords, locale);
