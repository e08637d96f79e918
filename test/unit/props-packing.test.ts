import {describe, expect, it} from 'vitest';
import {packProps, propsDictionary, PropsDictionaryMissingError, unpackProps} from '../../server/renders/props-packing';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';

const propsOf = (customer: string, amountDue: number) =>
	JSON.stringify({template: 'telco-bill', format: 'landscape', bill: {...sampleTelcoBill, amountDue, customer: {...sampleTelcoBill.customer, id: customer}}});

describe('render props packing', () => {
	const first = propsOf('C-1', 5900);
	const dictionary = propsDictionary(first);
	const noDictionary = async () => undefined;

	it('packs a bill against another of its chunk into a small fraction of its JSON, and back', async () => {
		const next = propsOf('C-2', 6120);
		const packed = packProps(next, dictionary);
		expect(packed.length).toBeLessThan(next.length / 10);
		const seen: string[] = [];
		const unpacked = await unpackProps(packed, async (id) => {
			seen.push(id.toString('hex'));
			return id.equals(dictionary.id) ? dictionary.bytes : undefined;
		});
		expect(unpacked).toBe(next);
		expect(seen).toEqual([dictionary.id.toString('hex')]);
	});

	it('compresses a bill on its own, and reads JSON written before packing as it is', async () => {
		const packed = packProps(first);
		expect(packed.length).toBeLessThan(first.length / 2);
		expect(await unpackProps(packed, noDictionary)).toBe(first);
		expect(await unpackProps(Buffer.from(first), noDictionary)).toBe(first);
	});

	it('keeps a value as it came when packing would not make it smaller', async () => {
		const tiny = '{"a":1}';
		expect(packProps(tiny).toString()).toBe(tiny);
	});

	it('names the dictionary when it is gone instead of answering garbage', async () => {
		await expect(unpackProps(packProps(propsOf('C-3', 1), dictionary), noDictionary)).rejects.toThrow(PropsDictionaryMissingError);
	});
});
