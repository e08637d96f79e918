import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {narrationOf} from '../../src/narration';
import {timelineFor} from '../../src/render-input';
import {sampleTelcoBill} from '../../src/templates/telco-bill/sample-telco-bill';
import type {TemplateBill} from '../../src/templates/registry';
import type {SpeechEngine} from '../../server/voice/engine';
import {espeakNgEngine} from '../../server/voice/espeak-ng';
import {speakNarration} from '../../server/voice/narrate';
import {createSpeechCache} from '../../server/voice/speech-cache';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'billcast-voice-cache-'));
});
afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

/** The real espeak-ng, with a record of every sentence it was asked to say. */
const listening = (engine: SpeechEngine): {engine: SpeechEngine; said: string[]} => {
	const said: string[] = [];
	return {said, engine: {...engine, synthesizeSentences: (request) => (said.push(...request.texts), engine.synthesizeSentences(request))}};
};

const customer = (name: string, amountDue: number): TemplateBill => ({
	template: 'telco-bill',
	bill: {...sampleTelcoBill, customer: {...sampleTelcoBill.customer, name, id: name}, amountDue},
});

const sentencesOf = (input: TemplateBill) => narrationOf(input, timelineFor({...input, format: 'landscape'}).scenes).flatMap((scene) => scene.sentences);

it('sentences the same for every customer of a template, locale and brand are synthesized once and reused', async () => {
	const cache = createSpeechCache({dir: join(dir, 'cache')});
	const {engine, said} = listening(espeakNgEngine());
	const speak = (input: TemplateBill, outDir: string) =>
		speakNarration({narration: narrationOf(input, timelineFor({...input, format: 'landscape'}).scenes), locale: 'en-GB', config: {status: 'on', voices: {en: {engine: 'espeak-ng'}}, musicBed: {status: 'off'}}, cache, outDir: join(dir, outDir), engines: [engine]});
	const first = customer('Ada Lovelace', 6840);
	const second = customer('Alan Turing', 7125);
	await speak(first, 'first');
	const saidForFirst = said.length;
	await speak(second, 'second');
	const firstSentences = new Set(sentencesOf(first));
	const shared = sentencesOf(second).filter((sentence) => firstSentences.has(sentence));
	const own = [...new Set(sentencesOf(second).filter((sentence) => !firstSentences.has(sentence)))];
	expect(saidForFirst).toBe(firstSentences.size);
	// The second customer's name and amounts are new; the rest of the bill's speech came from the cache.
	expect(shared.length).toBeGreaterThan(3);
	expect(said.slice(saidForFirst).sort()).toEqual(own.sort());
});
