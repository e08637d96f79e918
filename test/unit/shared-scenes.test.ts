import {describe, expect, it} from 'vitest';
import {computeRenderInput, type RenderRequestInput} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import {sharedScenesOf} from '../../src/shared-scenes';

const sharedOf = (request: RenderRequestInput) => sharedScenesOf({request, timeline: computeRenderInput(request).timeline});
const telco = (bill: typeof sampleTelcoBill, format: RenderRequestInput['format'] = 'landscape'): RenderRequestInput => ({template: 'telco-bill', bill, format});

describe('sharedScenesOf', () => {
	it('shares the close between customers of one brand, whatever their bills say', () => {
		const [ada] = sharedOf(telco(sampleTelcoBill));
		const [grace] = sharedOf(
			telco({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, id: 'C-2', name: 'Grace Hopper'}, billPdfUrl: 'https://bills.example/C-2.pdf'}),
		);
		expect(ada).toMatchObject({id: 'close'});
		expect(grace!.key).toBe(ada!.key);
		expect(grace!.from).toBe(ada!.from);
	});

	it('draws the close again for another brand, locale, format or calls to action', () => {
		const base = sharedOf(telco(sampleTelcoBill))[0]!.key;
		const variants = [
			telco({...sampleTelcoBill, brand: {...sampleTelcoBill.brand, primaryColor: '#0B6E4F'}}),
			telco({...sampleTelcoBill, customer: {...sampleTelcoBill.customer, locale: 'it-IT'}}),
			telco(sampleTelcoBill, 'portrait'),
			telco({...sampleTelcoBill, billPdfUrl: undefined}),
		];
		for (const variant of variants) expect(sharedOf(variant)[0]!.key).not.toBe(base);
	});

	it('never shares a scene that shows the customer', () => {
		expect(sharedOf(telco(sampleTelcoBill)).map((scene) => scene.id)).toEqual(['close']);
	});
});
