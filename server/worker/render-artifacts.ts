import {writeFile} from 'node:fs/promises';
import {buildCaptionFiles} from '../../src/captions';
import {hotspotManifestOf} from '../../src/hotspot-manifest';
import {scriptFor} from '../../src/render-input';
import {chaptersOf} from '../../src/templates/chapters';
import type {TemplateBill} from '../../src/templates/registry';
import type {Timeline} from '../../src/timeline';
import type {SceneSpeech} from '../../src/narration';
import {artifactPath} from '../renders/render-paths';

/** The text files written beside each finished video, all from the same timeline and strings the video was rendered from. */
export const writeRenderArtifacts = async ({
	rendersDir,
	renderId,
	timeline,
	templateBill,
	speech,
}: {
	rendersDir: string;
	renderId: string;
	timeline: Timeline;
	templateBill: TemplateBill;
	/** The narration's measured speech, which the captions are cued to when the video speaks. */
	speech?: readonly SceneSpeech[] | undefined;
}): Promise<void> => {
	const files = buildCaptionFiles({timeline, script: scriptFor(templateBill), chapters: chaptersOf(templateBill.template, templateBill.bill.customer.locale), ...(speech ? {speech} : {})});
	const path = (name: Parameters<typeof artifactPath>[2]) => artifactPath(rendersDir, renderId, name);
	await Promise.all([
		writeFile(path('hotspots'), JSON.stringify(hotspotManifestOf(timeline), null, 2)),
		writeFile(path('captions'), files.captions),
		writeFile(path('chapters'), files.chapters),
		writeFile(path('transcript'), files.transcript),
	]);
};
