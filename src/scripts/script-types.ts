/** What a scene shows, as strings: the scene draws these and the captions say them, so the two never disagree. */
export interface SceneScript {
	/** The scene's words in reading order; the captions and transcript are made of exactly these. */
	readonly lines: readonly string[];
}

export interface Formatters {
	readonly money: (minor: number, signed?: boolean) => string;
	readonly date: (isoDate: string) => string;
	readonly number: (value: number) => string;
	readonly percent: (fraction: number) => string;
}
