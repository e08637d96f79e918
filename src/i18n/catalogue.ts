import type {LineItemCategory} from '../bill-schema';

/** Every string a viewer sees. Placeholders are {name} style and filled by `fill`. */
export interface Messages {
	readonly greeting: string;
	readonly greetingSubtitle: string;
	readonly totalTitle: string;
	readonly comparedToLast: string;
	readonly moreThanLast: string;
	readonly lessThanLast: string;
	readonly sameAsLast: string;
	readonly firstBill: string;
	readonly breakdownTitle: string;
	readonly usageTitle: string;
	readonly usageData: string;
	readonly usageMinutes: string;
	readonly usageSms: string;
	readonly usageUnlimited: string;
	readonly dueTitle: string;
	readonly payNow: string;
	readonly payHotspotLabel: string;
	readonly alreadyPaid: string;
	readonly autopay: string;
	readonly closeThanks: string;
	readonly categories: Record<LineItemCategory, string>;
}

export const en: Messages = {
	greeting: 'Hi {name}',
	greetingSubtitle: 'Here is your {brand} bill for {period}',
	totalTitle: 'This bill',
	comparedToLast: 'Last bill: {amount}',
	moreThanLast: '{amount} more than last time',
	lessThanLast: '{amount} less than last time',
	sameAsLast: 'The same as last time',
	firstBill: 'Your first bill with us',
	breakdownTitle: 'Where it goes',
	usageTitle: 'What you used',
	usageData: 'Data',
	usageMinutes: 'Minutes',
	usageSms: 'Texts',
	usageUnlimited: 'unlimited',
	dueTitle: 'Due by {date}',
	payNow: 'Pay {amount} now',
	payHotspotLabel: 'Pay {amount} now',
	alreadyPaid: 'Paid. Thank you!',
	autopay: 'Nothing to do: we will collect it automatically.',
	closeThanks: 'Thank you for being with {brand}',
	categories: {
		plan: 'Your plan',
		addons: 'Add-ons and data',
		roaming: 'Roaming',
		devices: 'Devices and instalments',
		one_off: 'One-off charges',
		credits: 'Discounts and credits',
		taxes: 'Taxes',
	},
};

const catalogues: Record<string, Messages> = {en};

/** The catalogue for a locale, by full tag then language; English when there is none. */
export const messagesFor = (locale: string): Messages => {
	const language = locale.split('-')[0] ?? 'en';
	return catalogues[locale] ?? catalogues[language] ?? en;
};

export const fill = (template: string, values: Record<string, string>): string =>
	template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
