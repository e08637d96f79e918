import {Composition, Folder} from 'remotion';
import type {z} from 'zod';
import {reminderEdgeBills, telcoEdgeBills, utilityEdgeBills} from '../src/fixtures/edge-bills';
import {fixtureLocales} from '../src/fixtures/locales';
import {reminderFixtures} from '../src/fixtures/reminder-fixtures';
import {telcoFixtures} from '../src/fixtures/telco-fixtures';
import {utilityFixtures} from '../src/fixtures/utility-fixtures';
import {FPS, formatSizes, videoFormats} from '../src/formats';
import {compositionIdFor} from '../src/render-input';
import type {BillOf, TemplateId} from '../src/templates/registry';
import {calculateMetadataFor} from './calculate-metadata';
import {paymentReminderStudioSchema} from './payment-reminder/payment-reminder-schema';
import {telcoBillStudioSchema} from './telco-bill/telco-bill-schema';
import {templateComponents} from './template-components';
import {utilityBillStudioSchema} from './utility-bill/utility-bill-schema';

interface TemplateEntry<T extends TemplateId> {
	readonly template: T;
	readonly schema: z.ZodType;
	readonly fixtures: Record<string, BillOf<T>>;
	readonly edges: Record<string, BillOf<T>>;
}

const entries = [
	{template: 'telco-bill', schema: telcoBillStudioSchema, fixtures: telcoFixtures, edges: telcoEdgeBills},
	{template: 'utility-bill', schema: utilityBillStudioSchema, fixtures: utilityFixtures, edges: utilityEdgeBills},
	{template: 'payment-reminder', schema: paymentReminderStudioSchema, fixtures: reminderFixtures, edges: reminderEdgeBills},
] as const satisfies ReadonlyArray<TemplateEntry<TemplateId>>;

/** One template's compositions: `${template}-${format}` for the renderer (English fixture), then every locale and edge bill. */
const TemplateCompositions: React.FC<{entry: (typeof entries)[number]}> = ({entry}) => {
	const {template, schema, fixtures, edges} = entry;
	const register = (id: string, bill: BillOf<TemplateId>, format: (typeof videoFormats)[number]) => (
		<Composition
			key={id}
			id={id}
			component={templateComponents[template]}
			// The entries mix three templates, so TypeScript cannot pair each schema with its props here; each entry's
			// schema, fixtures and metadata come from the same template, and Studio validates the props with the schema.
			schema={schema as typeof telcoBillStudioSchema}
			defaultProps={{bill, format} as never}
			calculateMetadata={calculateMetadataFor(template) as never}
			fps={FPS}
			width={formatSizes[format].width}
			height={formatSizes[format].height}
			durationInFrames={1}
		/>
	);
	return (
		<Folder name={template}>
			{videoFormats.map((format) => register(compositionIdFor(template, format), fixtures['en-GB'], format))}
			<Folder name={`${template}-locales`}>
				{fixtureLocales.flatMap((locale) =>
					videoFormats.map((format) => register(`${compositionIdFor(template, format)}-${locale}`, fixtures[locale], format)),
				)}
			</Folder>
			<Folder name={`${template}-edge-bills`}>
				{Object.entries(edges).flatMap(([name, bill]) =>
					videoFormats.map((format) => register(`${compositionIdFor(template, format)}-edge-${name}`, bill, format)),
				)}
			</Folder>
		</Folder>
	);
};

export const RemotionRoot: React.FC = () => (
	<>
		{entries.map((entry) => (
			<TemplateCompositions key={entry.template} entry={entry} />
		))}
	</>
);
