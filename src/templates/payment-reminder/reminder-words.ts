import {wordsFor, type WordCatalogue} from '../../i18n/catalogue';
import type {SharedChapterId} from '../../i18n/messages';
import type {NextStepKind} from './payment-reminder-schema';
import type {ReminderSceneId} from './reminder-scenes';

/** What only the payment reminder's scenes say, and the chapter names of its own scenes; the shared words are in src/i18n. */
export interface ReminderWords {
	readonly reminderSubtitle: string;
	readonly overdueTitle: string;
	readonly overdueWasDue: string;
	/** The days-overdue count with the day it was counted on, so the video stays true when watched days later. */
	readonly daysLateOn: string;
	readonly understanding: string;
	readonly nextTitle: string;
	readonly nextSteps: Record<NextStepKind, string>;
	readonly nextReassure: string;
	/** `nextReassure` for a debt too small to split into instalments of the supplier's minimum: no plan is offered. */
	readonly nextReassureWithoutPlan: string;
	readonly planTitle: string;
	readonly planTotal: string;
	readonly choosePlan: string;
	readonly callUs: string;
	readonly reminderClose: string;
	/**
	 * A soft-collection experiment's other wordings of the overdue scene's reassurance; `withoutPlan` where the wording
	 * names a plan, for a reminder that offers none.
	 */
	readonly variants: Record<'soft' | 'firm', {readonly understanding: string; readonly withoutPlan?: string}>;
	/**
	 * The scenes once the payment is confirmed (the live player's paid state): the same scenes and lines, saying that the
	 * amount was received and nothing is owed or offered. Each sentence says only what a confirmed payment proves: at least
	 * the overdue amount was paid (POST /v1/renders/:id/payment refuses less), not when, so nothing about the late fee.
	 */
	readonly paid: {
		readonly overdueTitle: string;
		/** In place of the days-late count, and over the settled amount in the options scene. */
		readonly inFull: string;
		readonly nothingToPay: string;
		readonly nextTitle: string;
		readonly nextStep: string;
		readonly nextReassure: string;
		readonly planTitle: string;
	};
	readonly chapters: Record<Exclude<ReminderSceneId, SharedChapterId>, string>;
}

export const reminderWords: WordCatalogue<ReminderWords> = {
	en: {
		reminderSubtitle: 'A quick note about your {brand} account',
		overdueTitle: 'We have not received your payment yet',
		overdueWasDue: 'It was due on {date}',
		daysLateOn: '{daysLate} as of {date}',
		understanding: 'We know things come up. Let us find a way that works for you.',
		nextTitle: 'What happens next',
		nextSteps: {
			late_fee: 'If it is still unpaid on {date}, a late fee of {fee} will be added.',
			service_limited: 'If it is still unpaid on {date}, your service may be limited until it is settled.',
			final_notice: 'If it is still unpaid on {date}, we will send you a final notice.',
		},
		nextReassure: 'Paying or choosing a plan before then avoids this.',
		nextReassureWithoutPlan: 'Paying before then avoids this.',
		planTitle: 'Or spread it over {count} instalments',
		planTotal: 'Total {amount}',
		choosePlan: 'Pay in {count} instalments',
		callUs: 'Talk to us: {phone}',
		reminderClose: 'Thank you. We are here to help.',
		variants: {
			soft: {understanding: 'This happens to everyone. When you are ready, we will make it easy.'},
			firm: {
				understanding: 'Please settle it now, or choose a plan today, to avoid further steps.',
				withoutPlan: 'Please settle it now to avoid further steps.',
			},
		},
		paid: {
			overdueTitle: 'We received your payment, thank you',
			inFull: 'Paid in full',
			nothingToPay: 'There is nothing more to pay on this reminder.',
			nextTitle: 'All settled',
			nextStep: 'Your payment settles this reminder.',
			nextReassure: 'You do not need to do anything else.',
			planTitle: 'No instalment plan needed',
		},
		chapters: {overdue: 'Overdue amount', next: 'What happens next', plan: 'Instalment plan', options: 'Your options'},
	},
	it: {
		reminderSubtitle: 'Un breve messaggio sul tuo conto {brand}',
		overdueTitle: 'Non abbiamo ancora ricevuto il pagamento',
		overdueWasDue: 'La scadenza era il {date}',
		daysLateOn: '{daysLate} al {date}',
		understanding: 'Sappiamo che gli imprevisti capitano. Troviamo insieme la soluzione giusta per te.',
		nextTitle: 'Cosa succede ora',
		nextSteps: {
			late_fee: 'Se il {date} risulterà ancora da pagare, verrà aggiunta una penale di {fee}.',
			service_limited: 'Se il {date} risulterà ancora da pagare, il servizio potrà essere limitato fino al saldo.',
			final_notice: 'Se il {date} risulterà ancora da pagare, ti invieremo un ultimo avviso.',
		},
		nextReassure: 'Pagando o scegliendo un piano prima di quella data, lo eviti.',
		nextReassureWithoutPlan: 'Se paghi prima di quella data, lo eviti.',
		planTitle: 'Oppure in {count} rate',
		planTotal: 'Totale {amount}',
		choosePlan: 'Paga in {count} rate',
		callUs: 'Parla con noi: {phone}',
		reminderClose: 'Grazie. Siamo qui per aiutarti.',
		variants: {
			soft: {understanding: 'Capita a tutti. Quando sei pronto, ti rendiamo tutto semplice.'},
			firm: {
				understanding: 'Salda ora, o scegli oggi un piano, per evitare ulteriori passi.',
				withoutPlan: 'Salda ora per evitare ulteriori passi.',
			},
		},
		paid: {
			overdueTitle: 'Pagamento ricevuto, grazie',
			inFull: 'Pagato per intero',
			nothingToPay: 'Per questo sollecito non c’è altro da pagare.',
			nextTitle: 'Tutto in regola',
			nextStep: 'Il tuo pagamento salda questo sollecito.',
			nextReassure: 'Non devi fare nient’altro.',
			planTitle: 'Nessun piano a rate necessario',
		},
		chapters: {overdue: 'Importo scaduto', next: 'Cosa succede ora', plan: 'Piano a rate', options: 'Le tue opzioni'},
	},
	ko: {
		reminderSubtitle: '{brand} 계정에 관해 간단히 알려 드립니다',
		overdueTitle: '아직 납부가 확인되지 않았습니다',
		overdueWasDue: '납부 기한은 {date}이었습니다',
		daysLateOn: '{date} 기준 {daysLate}',
		understanding: '사정이 있으실 수 있습니다. 고객님께 맞는 방법을 함께 찾겠습니다.',
		nextTitle: '앞으로의 안내',
		nextSteps: {
			late_fee: '{date}까지 납부되지 않으면 연체료 {fee}이(가) 부과됩니다.',
			service_limited: '{date}까지 납부되지 않으면 납부 시까지 서비스가 제한될 수 있습니다.',
			final_notice: '{date}까지 납부되지 않으면 최종 안내문을 보내 드립니다.',
		},
		nextReassure: '그 전에 납부하시거나 분할 납부를 선택하시면 괜찮습니다.',
		nextReassureWithoutPlan: '그 전에 납부하시면 괜찮습니다.',
		planTitle: '{count}회 분할 납부도 가능합니다',
		planTotal: '합계 {amount}',
		choosePlan: '{count}회 분할 납부',
		callUs: '상담하기: {phone}',
		reminderClose: '감사합니다. 언제든 도와드리겠습니다.',
		variants: {
			soft: {understanding: '누구에게나 있는 일입니다. 준비되시면 쉽게 도와드리겠습니다.'},
			firm: {
				understanding: '추가 조치를 피하려면 지금 납부하시거나 오늘 분할 납부를 선택해 주세요.',
				withoutPlan: '추가 조치를 피하려면 지금 납부해 주세요.',
			},
		},
		paid: {
			overdueTitle: '납부가 확인되었습니다. 감사합니다',
			inFull: '전액 납부 완료',
			nothingToPay: '이 안내와 관련해 더 납부하실 금액은 없습니다.',
			nextTitle: '모두 정산되었습니다',
			nextStep: '고객님의 납부로 이 안내가 정산되었습니다.',
			nextReassure: '더 하실 일은 없습니다.',
			planTitle: '분할 납부는 필요하지 않습니다',
		},
		chapters: {overdue: '연체 금액', next: '앞으로의 안내', plan: '분할 납부', options: '선택 사항'},
	},
};

/** The template's words for a locale, with English for anything a translation lacks. */
export const reminderWordsFor = (locale: string): ReminderWords => wordsFor(reminderWords, locale);
