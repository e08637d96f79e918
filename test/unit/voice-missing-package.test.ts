import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {BillcastError} from '../../server/platform/errors';
import {MissingVoicePackageError} from '../../server/voice/errors';
import {espeakNgEngine} from '../../server/voice/espeak-ng';
import {festivalEngine} from '../../server/voice/festival';
import {resolveVoice} from '../../server/voice/narration-config';

const emptyDir = () => mkdtempSync(join(tmpdir(), 'billcast-no-voices-'));

afterEach(() => {
	vi.unstubAllEnvs();
});

const failureOf = async (work: () => Promise<unknown>) => {
	const error = await work().then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(MissingVoicePackageError);
	expect(error).toBeInstanceOf(BillcastError);
	// What a failed render stores: the code and the message, which name the Debian package.
	const {code, message, debianPackage} = error as MissingVoicePackageError;
	return {code, message, debianPackage};
};

describe('a missing voice package is named', () => {
	it('espeak-ng missing from PATH: the render error names the espeak-ng package', async () => {
		vi.stubEnv('PATH', emptyDir());
		const failure = await failureOf(() => espeakNgEngine().synthesizeSentences({texts: ['Ciao.'], voice: 'ko', locale: 'ko-KR'}));
		expect(failure.code).toBe('voice_package_missing');
		expect(failure.debianPackage).toBe('espeak-ng');
		expect(failure.message).toContain('apt-get install -y espeak-ng');
	});

	it('an Italian Festival voice whose folder is missing names festvox-itapc16k', async () => {
		const festival = festivalEngine({voicesDir: emptyDir()});
		expect(festival.isInstalled('pc_diphone')).toBe(false);
		const failure = await failureOf(() => festival.synthesizeSentences({texts: ['Ciao.'], voice: 'pc_diphone', locale: 'it-IT'}));
		expect([failure.code, failure.debianPackage]).toEqual(['voice_package_missing', 'festvox-itapc16k']);
		expect(failure.message).toMatch(/Debian package festvox-itapc16k/);
	});

	it('a tenant choosing a voice that is not installed is refused before any synthesis, naming its package', async () => {
		const failure = await failureOf(async () =>
			resolveVoice({locale: 'it-IT', choices: {it: {engine: 'festival', voice: 'lp_diphone'}}, engines: [festivalEngine({voicesDir: emptyDir()})]}),
		);
		expect(failure.debianPackage).toBe('festvox-italp16k');
	});
});
