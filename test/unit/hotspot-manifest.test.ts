import {describe, expect, it} from 'vitest';
import {hotspotManifestOf, hotspotManifestSchema} from '../../src/hotspot-manifest';
import {computeRenderInput} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';

describe('the hotspot manifest', () => {
	it('is what the schema the player reads declares, with the timeline’s buttons and nothing else', () => {
		const {timeline} = computeRenderInput({template: 'telco-bill', bill: sampleTelcoBill, format: 'portrait'});
		const manifest = hotspotManifestOf(timeline);
		expect(hotspotManifestSchema.parse(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
		expect(Object.keys(manifest)).toEqual(['fps', 'width', 'height', 'durationInFrames', 'hotspots']);
		expect(manifest.hotspots.map((hotspot) => hotspot.kind)).toContain('pay');
	});
});
