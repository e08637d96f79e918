import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {MUSIC_BED_TYPES} from '../../server/voice/music-bed-audio';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe("the README's music bed upload", () => {
	it('names exactly the content types the upload takes', () => {
		const sentence = /the audio file as the body \((`audio\/[^;]*);/.exec(readme)?.[1];
		expect([...(sentence ?? '').matchAll(/`(audio\/[^`]+)`/g)].map((match) => match[1]).sort()).toEqual([...MUSIC_BED_TYPES].sort());
	});
});
