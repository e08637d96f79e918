import {Composition, Folder} from 'remotion';
import {fixtureLocales} from '../src/fixtures/locales';
import {FPS, formatSizes, videoFormats} from '../src/formats';
import {compositionIdFor} from '../src/render-input';
import {templateIds, type BillOf, type TemplateId} from '../src/templates/registry';
import {calculateMetadataFor} from './calculate-metadata';
import {compositionRegistry, componentOf} from './registry';
import type {telcoBillStudioSchema} from './telco-bill/telco-bill-schema';

/**
 * One template's compositions: `${template}-${format}` for the renderer (English fixture), then every locale and edge bill.
 * Studio sizes them with `calculateMetadata`; the worker does not load them from here but builds the composition the
 * same id names from `computeRenderInput` (`selectForRender` in server/worker/render-video.ts), so both agree.
 */
const TemplateCompositions: React.FC<{template: TemplateId}> = ({template}) => {
	const {studioSchema, fixtures, edges} = compositionRegistry[template];
	const register = (id: string, bill: BillOf<TemplateId>, format: (typeof videoFormats)[number]) => (
		<Composition
			key={id}
			id={id}
			component={componentOf(template)}
			// The registry mixes templates, so TypeScript cannot pair each schema with its props here; each entry's
			// schema, fixtures and metadata come from the same template, and Studio validates the props with the schema.
			schema={studioSchema as typeof telcoBillStudioSchema}
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
		{templateIds.map((template) => (
			<TemplateCompositions key={template} template={template} />
		))}
	</>
);
