/** The scenes several templates play, named once here. */
export type SharedChapterId = 'greeting' | 'due' | 'close';

/**
 * Every shared string a viewer sees or hears in captions; each template's own are in its folder's words. Placeholders
 * are {name} style and filled by `fill`.
 */
export interface Messages {
	readonly greeting: string;
	readonly greetingSubtitle: string;
	readonly dueTitle: string;
	/** The due scene's title on an overdue bill: the date has passed, said without blame or threat. */
	readonly dueDatePassed: string;
	readonly payNow: string;
	readonly payHotspotLabel: string;
	readonly alreadyPaid: string;
	readonly autopay: string;
	readonly autopayCard: string;
	readonly creditBalance: string;
	readonly nothingToPay: string;
	readonly emailUs: string;
	readonly viewBill: string;
	/** The watch page's own labels, around the video. */
	readonly statusDue: string;
	readonly statusOverdue: string;
	readonly columnCategory: string;
	readonly columnItem: string;
	readonly columnAmount: string;
	readonly columnDate: string;
	readonly columnMethod: string;
	readonly paymentHistoryTitle: string;
	readonly downloadsTitle: string;
	readonly downloadVideo: string;
	readonly downloadCaptions: string;
	readonly closeThanks: string;
	readonly totalTitle: string;
	readonly breakdownTitle: string;
	/** A partly paid bill's due scene: what was paid of the whole, above the rest to pay. */
	readonly paidSoFar: string;
	readonly daysLate: {readonly one: string; readonly other: string};
	readonly optionsTitle: string;
	/**
	 * A soft-collection experiment's other wordings of the line under the amount due; an overdue bill has its own, as
	 * words about time left before the due date would be untrue.
	 */
	readonly variants: Record<'soft' | 'firm', {readonly dueNudge: string; readonly overdueNudge: string}>;
	/** The chapter names of the scenes several templates play; a template names its own scenes in its words. */
	readonly chapters: Record<SharedChapterId, string>;
	/** The player's own controls, its pay sheet and its error, in the bill's language. */
	readonly player: {
		readonly regionLabel: string;
		readonly keyboardHelp: string;
		readonly play: string;
		readonly pause: string;
		readonly replay: string;
		readonly playVideo: string;
		readonly seek: string;
		readonly captions: string;
		/** The chapter menu's button and list. */
		readonly chapters: string;
		/** Said to screen readers when a chapter key or the chapter menu goes to a chapter. */
		readonly chapterReached: string;
		/** The sound button's name while the video is muted: what a press does, as its icon shows what is heard now. */
		readonly soundOn: string;
		/** Its name while the video speaks. */
		readonly soundOff: string;
		/** Shown where the sound toggle will be, while the video's voice is still being made. */
		readonly voiceOnItsWay: string;
		/** Said to screen readers when a voice that was on its way has come, naming the control that plays it. */
		readonly voiceReady: string;
		readonly fullscreen: string;
		readonly exitFullscreen: string;
		readonly unavailable: string;
		readonly amountDue: string;
		readonly dueDate: string;
		readonly billNumber: string;
		readonly closeSheet: string;
		/** In the video's place on the watch page when the browser runs no scripts and there is no MP4 to play. */
		readonly noScript: string;
	};
	/** A payment the tenant confirmed: the watch page's and the player's paid notice (issue 16). */
	readonly paidTitle: string;
	readonly paidNotice: string;
	/** The pages a watch link opens when it cannot show the bill; they say nothing about any bill. */
	readonly linkPages: {
		readonly invalidTitle: string;
		readonly invalid: string;
		readonly expiredTitle: string;
		readonly expired: string;
		/** An on-demand MP4 asked for by its link before it exists: the page reloads itself until it does. */
		readonly preparingTitle: string;
		/** {percent}: how much is done, as a formatted percentage. */
		readonly preparing: string;
	};
}

export type DeepPartial<T> = {[K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]>};

/** A translation may lag behind English; what it lacks falls back to English and the catalogue test names it. */
export type PartialMessages = DeepPartial<Messages>;
