import type {z} from 'zod';
import type {FixtureLocale} from '../../src/fixtures/locales';
import type {TemplateVideoProps} from '../../src/render-input';

/** Everything Remotion needs of one template; the compositions registry lists one per template. */
export interface CompositionDefinition<B> {
	readonly component: React.FC<TemplateVideoProps<B>>;
	/** The props schema Studio edits with, colour pickers included. */
	readonly studioSchema: z.ZodType;
	/** The bill every locale's compositions open with; `en-GB` is also what the renderer's `${template}-${format}` shows. */
	readonly fixtures: Record<FixtureLocale, B>;
	/** Bills at the edges of the schema, one composition each, to look at in Studio. */
	readonly edges: Record<string, B>;
}
