import {describe, expect, it} from 'vitest';
import {musicBedInUse, type UploadedMusicBed} from '../../server/voice/music-bed';
import {musicBedView} from '../../server/voice/music-bed-view';
import {narrationConfigSchema, type NarrationConfig} from '../../server/voice/narration-config';
import {hashApiKey, loadTenantRegistry} from '../../server/tenants/tenant-registry';

const upload: UploadedMusicBed = {key: 'tenants/acme/music-bed-0123456789abcdef.wav', sha256: '0123456789abcdef'.repeat(4), durationMs: 5000, bytes: 960_044, uploadedAt: '2026-11-03T10:00:00.000Z'};
const on: NarrationConfig = {status: 'on', voices: {}, musicBed: {status: 'generated'}};

describe('which music bed a narration plays over', () => {
	it('the config first (narration off, then its bed off), then the upload, then the generated chords', () => {
		expect(musicBedInUse(undefined, upload)).toEqual({status: 'off', reason: 'narration_off'});
		expect(musicBedInUse({status: 'off'}, upload)).toEqual({status: 'off', reason: 'narration_off'});
		expect(musicBedInUse({...on, musicBed: {status: 'off'}}, upload)).toEqual({status: 'off', reason: 'music_bed_off'});
		expect(musicBedInUse(on, upload)).toEqual({status: 'uploaded', upload});
		expect(musicBedInUse(on, undefined)).toEqual({status: 'generated'});
	});

	it('tells the tenant of an upload its config keeps silent, without the storage key', () => {
		const facts = {durationMs: 5000, format: 'wav', sampleRate: 48_000, channels: 2, bytes: 960_044, sha256: upload.sha256, uploadedAt: upload.uploadedAt};
		expect(musicBedView({...on, musicBed: {status: 'off'}}, upload)).toEqual({status: 'off', reason: 'music_bed_off', upload: facts});
		expect(musicBedView(on, upload)).toEqual({status: 'uploaded', ...facts});
		expect(musicBedView({status: 'off'}, undefined)).toEqual({status: 'off', reason: 'narration_off'});
	});

	it('a tenants file may no longer name a bed file on the workers\' disks: the error says to upload it', () => {
		expect(narrationConfigSchema.parse({status: 'on'})).toEqual(on);
		const parsed = narrationConfigSchema.safeParse({status: 'on', musicBed: {status: 'file', path: '/srv/beds/acme.wav'}});
		expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			['musicBed.status', 'must be {"status": "generated"} or {"status": "off"}; a tenant\'s own bed is uploaded with PUT /v1/music-bed'],
		]);
		const json = JSON.stringify([
			{id: 'acme', name: 'Acme', apiKeySha256: [hashApiKey('k')], allowedPayHosts: [], narration: {status: 'on', musicBed: {status: 'file', path: '/srv/beds/acme.wav'}}},
		]);
		expect(() => loadTenantRegistry({file: undefined, json, production: true})).toThrow(/narration\.musicBed\.status: must be .*PUT \/v1\/music-bed/);
	});
});
