import {z} from 'zod';
import {languageOf} from '../../src/i18n/catalogue';
import type {SpeechEngine} from './engine';
import {MissingVoicePackageError} from './errors';

const engineIds = ['festival', 'espeak-ng'] as const;

const voiceChoiceSchema = z.object({
	engine: z.enum(engineIds),
	/** The engine's voice id; without it the engine's best voice for the locale. */
	voice: z.string().min(1).optional(),
});

/**
 * Generated chords or no bed. A tenant's own bed is not a path here: it is uploaded (PUT /v1/music-bed) into render
 * storage, which every worker reads, and plays instead of the generated one; `off` silences the bed, upload or not.
 */
const musicBedSchema = z.discriminatedUnion(
	'status',
	[z.object({status: z.literal('generated')}), z.object({status: z.literal('off')})],
	{error: 'must be {"status": "generated"} or {"status": "off"}; a tenant\'s own bed is uploaded with PUT /v1/music-bed'},
);

/**
 * A tenant's narration: off (today's silent videos), or on with an optional engine and voice per locale ("it-IT") or
 * language ("it"), and a music bed.
 */
export const narrationConfigSchema = z
	.discriminatedUnion('status', [
		z.object({status: z.literal('off')}),
		z.object({
			status: z.literal('on'),
			voices: z.record(z.string().min(2), voiceChoiceSchema).default({}),
			musicBed: musicBedSchema.default({status: 'generated'}),
		}),
	])
	.default({status: 'on', voices: {}, musicBed: {status: 'generated'}});

export type NarrationConfig = z.infer<typeof narrationConfigSchema>;
export type VoiceChoice = z.infer<typeof voiceChoiceSchema>;

export interface ResolvedVoice {
	readonly engine: SpeechEngine;
	readonly voice: string;
}

/**
 * The engine and voice that speak a locale: the tenant's choice for the locale or its language, else the first
 * installed voice in `engines` order (so list the better engine first). A choice that is not installed, or a language
 * no engine speaks, throws MissingVoicePackageError naming what to install.
 */
export const resolveVoice = ({
	locale,
	choices = {},
	engines,
}: {
	locale: string;
	choices?: Readonly<Record<string, VoiceChoice>>;
	engines: readonly SpeechEngine[];
}): ResolvedVoice => {
	const language = languageOf(locale);
	const choice = choices[locale] ?? choices[language];
	const candidates = engines.filter((engine) => !choice || engine.id === choice.engine);
	if (choice && candidates.length === 0) throw new MissingVoicePackageError(choice.engine, choice.engine, choice.voice ?? language);
	const voices = candidates.flatMap((engine) =>
		engine.voices.filter((voice) => (choice?.voice ? voice.id === choice.voice : voice.languages.includes(language))).map((voice) => ({engine, voice})),
	);
	const installed = voices.find(({engine, voice}) => engine.isInstalled(voice.id));
	if (installed) return {engine: installed.engine, voice: installed.voice.id};
	const wanted = voices[0];
	if (wanted) throw new MissingVoicePackageError(wanted.voice.debianPackage, wanted.engine.id, wanted.voice.id);
	throw new MissingVoicePackageError(choice?.engine ?? 'espeak-ng', choice?.engine ?? 'espeak-ng', choice?.voice ?? language);
};
