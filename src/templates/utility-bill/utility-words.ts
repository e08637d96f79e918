import {wordsFor, type WordCatalogue} from '../../i18n/catalogue';
import type {SharedChapterId} from '../../i18n/messages';
import type {UtilityKind} from './utility-bill-schema';
import type {UtilitySceneId} from './utility-scenes';

/** What only the utility bill's scenes say, and the chapter names of its own scenes; the shared words are in src/i18n. */
export interface UtilityWords {
	readonly consumptionTitle: Record<UtilityKind, string>;
	readonly thisPeriod: string;
	readonly vsLastYearUp: string;
	readonly vsLastYearDown: string;
	readonly vsLastYearSame: string;
	readonly costTitle: string;
	/** The bill's three cost parts as this kind of bill names them: for water, `energy` is the supply and `network` the wastewater. */
	readonly costParts: Record<UtilityKind, {readonly energy: string; readonly network: string; readonly taxes: string}>;
	readonly similarTitle: string;
	readonly similarYou: string;
	readonly similarAverage: string;
	readonly similarMore: string;
	readonly similarLess: string;
	readonly tipsTitle: string;
	readonly tips: {
		/** What the numbers say, then `{advice}`: what to check for this kind of bill. */
		readonly upOnLastYear: string;
		readonly aboveSimilar: string;
		readonly belowSimilar: string;
		readonly peak: string;
		readonly meterReadings: string;
	};
	/** The advice each kind of bill gives: standby power means nothing on a water bill. */
	readonly advice: Record<
		UtilityKind,
		{
			readonly upOnLastYear: string;
			readonly aboveSimilar: string;
			/** A saving that needs no numbers, so a bill that says little still gets two tips. */
			readonly everyDay: string;
		}
	>;
	readonly chapters: Record<Exclude<UtilitySceneId, SharedChapterId>, string>;
}

export const utilityWords: WordCatalogue<UtilityWords> = {
	en: {
		consumptionTitle: {electricity: 'Your electricity use', gas: 'Your gas use', water: 'Your water use'},
		thisPeriod: 'This period: {amount}',
		vsLastYearUp: '{percent} more than the same period last year',
		vsLastYearDown: '{percent} less than the same period last year',
		vsLastYearSame: 'About the same as the same period last year',
		costTitle: 'What you pay for',
		costParts: {
			electricity: {energy: 'Energy and supply', network: 'Network and transport', taxes: 'Taxes and levies'},
			gas: {energy: 'Energy and supply', network: 'Network and transport', taxes: 'Taxes and levies'},
			water: {energy: 'Water supply', network: 'Wastewater', taxes: 'Taxes and levies'},
		},
		similarTitle: 'Compared with similar homes',
		similarYou: 'You',
		similarAverage: 'Similar homes',
		similarMore: 'You used {percent} more than similar homes',
		similarLess: 'You used {percent} less than similar homes',
		tipsTitle: 'Ways to save',
		tips: {
			upOnLastYear: 'Your use is up on last year: {advice}',
			aboveSimilar: 'You use more than similar homes: {advice}',
			belowSimilar: 'You use less than similar homes: keep it up!',
			peak: 'Your highest period ended on {date}: plan ahead for next time.',
			meterReadings: 'Sending regular meter readings keeps your bills exact.',
		},
		advice: {
			electricity: {
				upOnLastYear: 'check for appliances left on standby.',
				aboveSimilar: 'heaters, tumble dryers and old fridges are the first place to look.',
				everyDay: 'Switching off lights and chargers you are not using adds up over a year.',
			},
			gas: {
				upOnLastYear: 'check the thermostat and timer of your heating.',
				aboveSimilar: 'heating and hot water settings are the first place to look.',
				everyDay: 'Turning the thermostat down by one degree is an easy saving.',
			},
			water: {
				upOnLastYear: 'check taps and toilets for leaks.',
				aboveSimilar: 'shorter showers and full loads in the washing machine and dishwasher help most.',
				everyDay: 'Turning off the tap while you brush your teeth saves water every day.',
			},
		},
		chapters: {consumption: 'Your use', cost: 'What you pay for', similar: 'Similar homes', tips: 'Ways to save'},
	},
	it: {
		consumptionTitle: {electricity: 'I tuoi consumi di luce', gas: 'I tuoi consumi di gas', water: 'I tuoi consumi di acqua'},
		thisPeriod: 'Questo periodo: {amount}',
		vsLastYearUp: '{percent} in più rispetto allo stesso periodo dell’anno scorso',
		vsLastYearDown: '{percent} in meno rispetto allo stesso periodo dell’anno scorso',
		vsLastYearSame: 'Circa come lo stesso periodo dell’anno scorso',
		costTitle: 'Cosa paghi',
		costParts: {
			electricity: {energy: 'Materia prima', network: 'Trasporto e contatore', taxes: 'Imposte e oneri'},
			gas: {energy: 'Materia prima', network: 'Trasporto e contatore', taxes: 'Imposte e oneri'},
			water: {energy: 'Acquedotto', network: 'Fognatura e depurazione', taxes: 'Imposte e oneri'},
		},
		similarTitle: 'Rispetto a case simili',
		similarYou: 'Tu',
		similarAverage: 'Case simili',
		similarMore: 'Hai consumato il {percent} in più delle case simili',
		similarLess: 'Hai consumato il {percent} in meno delle case simili',
		tipsTitle: 'Come risparmiare',
		tips: {
			upOnLastYear: 'I consumi sono saliti rispetto all’anno scorso: {advice}',
			aboveSimilar: 'Consumi più delle case simili: {advice}',
			belowSimilar: 'Consumi meno delle case simili: continua così!',
			peak: 'Il periodo con i consumi più alti è terminato il {date}: pianifica per la prossima volta.',
			meterReadings: 'Inviare regolarmente l’autolettura rende le bollette esatte.',
		},
		advice: {
			electricity: {
				upOnLastYear: 'controlla gli apparecchi lasciati in standby.',
				aboveSimilar: 'stufette elettriche, asciugatrice e frigoriferi vecchi sono i primi da controllare.',
				everyDay: 'Spegnere luci e caricabatterie quando non servono fa risparmiare nel corso dell’anno.',
			},
			gas: {
				upOnLastYear: 'controlla il termostato e gli orari del riscaldamento.',
				aboveSimilar: 'controlla prima le impostazioni di riscaldamento e acqua calda.',
				everyDay: 'Abbassare il termostato di un grado è un risparmio facile.',
			},
			water: {
				upOnLastYear: 'controlla che rubinetti e sciacquone non perdano.',
				aboveSimilar: 'fai docce più brevi e avvia lavatrice e lavastoviglie solo a pieno carico.',
				everyDay: 'Chiudere il rubinetto mentre ti lavi i denti fa risparmiare acqua ogni giorno.',
			},
		},
		chapters: {consumption: 'I tuoi consumi', cost: 'Cosa paghi', similar: 'Case simili', tips: 'Come risparmiare'},
	},
	ko: {
		consumptionTitle: {electricity: '전기 사용량', gas: '가스 사용량', water: '수도 사용량'},
		thisPeriod: '이번 기간: {amount}',
		vsLastYearUp: '작년 같은 기간보다 {percent} 많습니다',
		vsLastYearDown: '작년 같은 기간보다 {percent} 적습니다',
		vsLastYearSame: '작년 같은 기간과 비슷합니다',
		costTitle: '요금 내역',
		costParts: {
			electricity: {energy: '에너지 및 공급', network: '망 이용 및 운송', taxes: '세금 및 부담금'},
			gas: {energy: '에너지 및 공급', network: '망 이용 및 운송', taxes: '세금 및 부담금'},
			water: {energy: '상수도 요금', network: '하수도 요금', taxes: '세금 및 부담금'},
		},
		similarTitle: '비슷한 가구와 비교',
		similarYou: '고객님',
		similarAverage: '비슷한 가구',
		similarMore: '비슷한 가구보다 {percent} 더 사용하셨습니다',
		similarLess: '비슷한 가구보다 {percent} 덜 사용하셨습니다',
		tipsTitle: '절약 팁',
		tips: {
			upOnLastYear: '작년보다 사용량이 늘었습니다. {advice}',
			aboveSimilar: '비슷한 가구보다 많이 사용하십니다. {advice}',
			belowSimilar: '비슷한 가구보다 적게 사용하십니다. 계속 유지해 주세요!',
			peak: '사용량이 가장 많았던 기간은 {date}에 끝났습니다. 다음에 미리 대비해 보세요.',
			meterReadings: '계량기 검침값을 꾸준히 보내 주시면 요금이 정확해집니다.',
		},
		advice: {
			electricity: {
				upOnLastYear: '대기 전력을 확인해 보세요.',
				aboveSimilar: '전기 난방기, 건조기, 오래된 냉장고부터 확인해 보세요.',
				everyDay: '쓰지 않는 조명과 충전기만 꺼도 1년이면 꽤 절약됩니다.',
			},
			gas: {
				upOnLastYear: '보일러 온도와 예약 설정을 확인해 보세요.',
				aboveSimilar: '난방과 온수 설정부터 확인해 보세요.',
				everyDay: '보일러 온도를 1도만 낮춰도 손쉽게 절약할 수 있습니다.',
			},
			water: {
				upOnLastYear: '수도꼭지와 변기에 새는 곳이 없는지 확인해 보세요.',
				aboveSimilar: '샤워 시간을 줄이고, 세탁기와 식기세척기는 가득 채워 돌려 보세요.',
				everyDay: '양치할 때 수도꼭지를 잠그면 매일 물을 아낄 수 있습니다.',
			},
		},
		chapters: {consumption: '사용량', cost: '요금 내역', similar: '비슷한 가구', tips: '절약 팁'},
	},
};

/** The template's words for a locale, with English for anything a translation lacks. */
export const utilityWordsFor = (locale: string): UtilityWords => wordsFor(utilityWords, locale);
