import {readFileSync} from 'node:fs';

/** Resident and peak resident memory of a process, in MiB, from /proc. */
export const processMemory = (pid: number): {rssMiB: number; peakMiB: number} => {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
	return {rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024};
};
