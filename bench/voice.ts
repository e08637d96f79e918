/**
 * `npm run bench -- --voice` (with the render comparison) measures here the CPU time to synthesize narration, per 30 s of speech, for each local engine and language,
 * on the sample bills' full narration with an empty cache, through the worker's path (speakNarration), (targets:
 * espeak-ng under 1 s, Festival under 3 s), and the mix of one video's track. The engines run as child processes, so their CPU is read from /proc (children's user and
 * system time) as well as this process's own.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {telcoFixtures} from '../src/templates/telco-bill/telco-fixtures';
import {narrationOf} from '../src/narration';
import {telcoSceneIds} from '../src/templates/telco-bill/telco-scenes';
import {espeakNgEngine} from '../server/voice/espeak-ng';
import {festivalEngine} from '../server/voice/festival';
import {mixNarrationTrack} from '../server/voice/mix';
import {musicBedWav} from '../server/voice/music-bed';
import {speakNarration} from '../server/voice/narrate';
import {createSpeechCache} from '../server/voice/speech-cache';

/** Seconds of CPU used so far by this process and every child it has waited for (fields 14–17 of /proc/self/stat). */
const cpuSeconds = (): number => {
	const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
	// After the command name, utime is the 12th field and cutime the 14th, in clock ticks (100 a second on Linux).
	const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
	return ticks / 100;
};

const cases = [
	{id: 'festival', engine: festivalEngine(), voice: 'cmu_us_slt_arctic_hts', locale: 'en-GB'},
	{id: 'festival', engine: festivalEngine(), voice: 'lp_diphone', locale: 'it-IT'},
	{id: 'espeak-ng', engine: espeakNgEngine(), voice: 'en-gb', locale: 'en-GB'},
	{id: 'espeak-ng', engine: espeakNgEngine(), voice: 'it', locale: 'it-IT'},
	{id: 'espeak-ng', engine: espeakNgEngine(), voice: 'ko', locale: 'ko-KR'},
] as const;

export const measureVoiceSynthesis = async (): Promise<Array<Record<string, string | number>>> => {
	const work = mkdtempSync(join(tmpdir(), 'billcast-voice-bench-'));
	const rows: Array<Record<string, string | number>> = [];
	try {
		for (const {id, engine, voice, locale} of cases) {
			const narration = narrationOf({template: 'telco-bill', bill: telcoFixtures[locale]}, telcoSceneIds.map((id) => ({id})));
			const cache = createSpeechCache({dir: join(work, `cache-${engine.id}-${voice}`)});
			const before = cpuSeconds();
			const started = performance.now();
			const spoken = await speakNarration({
				narration,
				locale,
				config: {status: 'on', voices: {[locale]: {engine: id, voice}}, musicBed: {status: 'generated'}},
				cache,
				outDir: join(work, `${engine.id}-${voice}`),
				engines: [engine],
			});
			if (spoken.status !== 'on') throw new Error('narration is off');
			let speechMs = 0;
			let trackMs = 0;
			const segments: Array<{file: string; startMs: number}> = [];
			for (const scene of spoken.scenes) {
				if (!scene.wavFile) continue;
				segments.push({file: scene.wavFile, startMs: trackMs});
				speechMs += scene.durationMs;
				trackMs += scene.durationMs + 1000;
			}
			const cpu = cpuSeconds() - before;
			const wall = (performance.now() - started) / 1000;
			const bed = join(work, 'bed.wav');
			writeFileSync(bed, musicBedWav());
			const mixBefore = cpuSeconds();
			await mixNarrationTrack({segments, durationMs: trackMs, bedFile: bed, outFile: join(work, `${engine.id}-${voice}.m4a`)});
			rows.push({
				engine: engine.id,
				voice,
				locale,
				'speech s': Number((speechMs / 1000).toFixed(1)),
				'synthesis CPU s': Number(cpu.toFixed(2)),
				'CPU s per 30 s': Number(((cpu / (speechMs / 1000)) * 30).toFixed(2)),
				'wall s': Number(wall.toFixed(2)),
				'mix CPU s': Number((cpuSeconds() - mixBefore).toFixed(2)),
			});
		}
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
	return rows;
};
