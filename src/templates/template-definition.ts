import type {z} from 'zod';
import type {VideoFormat} from '../formats';
import type {WordCatalogue} from '../i18n/catalogue';
import type {SharedChapterId} from '../i18n/messages';
import type {SceneScript} from '../scripts/script-types';
import type {BillSummary} from '../summary-shape';
import type {Timeline} from '../timeline';
import type {Phrases, SpokenScenes} from '../narration/scene-sentences';
import type {SceneSpeech} from '../narration/speech-timing';

/** Everything the domain knows of one template; the registry lists one per template and everything else asks it. */
export interface TemplateDefinition<B, S extends string = string> {
	readonly id: string;
	/** The scenes the template may play, in order. */
	readonly sceneIds: readonly S[];
	/** The words only this template's scenes say, in English and its translations, with the names of its own chapters. */
	readonly words: WordCatalogue<{readonly chapters: Readonly<Record<Exclude<S, SharedChapterId>, string>>}>;
	/** The bill this template explains, checked at the edge. */
	readonly schema: z.ZodType<B>;
	/** `speech`: the narration's measured timings when the video speaks, which scenes and captions follow. */
	readonly timeline: (options: {readonly bill: B; readonly format: VideoFormat; readonly speech?: readonly SceneSpeech[] | undefined}) => Timeline;
	/** Every scene's strings, keyed by scene: what the captions and transcript say. */
	readonly script: (bill: B) => Partial<Record<S, SceneScript>>;
	/** The same scripts as the voice says them: each scene's sentences, and how the bill's numbers and dates sound. */
	readonly narration: (bill: B, phrases: Phrases) => SpokenScenes;
	/** What the watch page and the pay sheet show of the bill. */
	readonly summary: (bill: B) => BillSummary;
	/** The bill as the live player draws it once its payment is confirmed: its own paid state, or unchanged when it has none. */
	readonly paid: (bill: B) => B;
	/** The day a render id is named by, so ids read well in logs: the bill's period, or the day a reminder is sent. */
	readonly day: (bill: B) => string;
}
