/** The facts of a PCM WAV the narration needs: where the samples are and how long they play. */
export interface WavInfo {
	readonly sampleRate: number;
	readonly channels: number;
	readonly bitsPerSample: number;
	readonly dataOffset: number;
	readonly dataBytes: number;
	readonly durationMs: number;
}

/**
 * Reads a RIFF/WAVE header chunk by chunk. Engines writing to a pipe cannot seek back to fill in the sizes, so a data
 * size of 0 (or one past the end of the buffer) means "to the end of the file".
 */
export const readWav = (wav: Buffer): WavInfo => {
	if (wav.length < 12 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') {
		throw new Error('not a RIFF/WAVE file');
	}
	let offset = 12;
	let format: {channels: number; sampleRate: number; bitsPerSample: number} | undefined;
	while (offset + 8 <= wav.length) {
		const id = wav.toString('ascii', offset, offset + 4);
		const size = wav.readUInt32LE(offset + 4);
		const body = offset + 8;
		if (id === 'fmt ') {
			format = {channels: wav.readUInt16LE(body + 2), sampleRate: wav.readUInt32LE(body + 4), bitsPerSample: wav.readUInt16LE(body + 14)};
		} else if (id === 'data') {
			if (!format) throw new Error('WAV data comes before its format');
			const available = wav.length - body;
			const dataBytes = size === 0 || size > available ? available : size;
			const frameBytes = format.channels * (format.bitsPerSample / 8);
			const frames = Math.floor(dataBytes / frameBytes);
			return {...format, dataOffset: body, dataBytes: frames * frameBytes, durationMs: (frames / format.sampleRate) * 1000};
		}
		offset = body + size + (size % 2);
	}
	throw new Error('WAV has no data chunk');
};

/** A 16-bit PCM WAV of the given samples (interleaved when stereo). */
export const writeWav = ({samples, sampleRate, channels}: {samples: Int16Array; sampleRate: number; channels: number}): Buffer => {
	const dataBytes = samples.length * 2;
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'ascii');
	header.writeUInt32LE(36 + dataBytes, 4);
	header.write('WAVE', 8, 'ascii');
	header.write('fmt ', 12, 'ascii');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20);
	header.writeUInt16LE(channels, 22);
	header.writeUInt32LE(sampleRate, 24);
	header.writeUInt32LE(sampleRate * channels * 2, 28);
	header.writeUInt16LE(channels * 2, 32);
	header.writeUInt16LE(16, 34);
	header.write('data', 36, 'ascii');
	header.writeUInt32LE(dataBytes, 40);
	return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, dataBytes)]);
};

/** The 16-bit samples of a WAV, copied so they are aligned whatever the header's length. */
export const wavSamples = (wav: Buffer, info: WavInfo = readWav(wav)): Int16Array => {
	if (info.bitsPerSample !== 16) throw new Error(`expected 16-bit PCM, got ${info.bitsPerSample}-bit`);
	const samples = new Int16Array(info.dataBytes / 2);
	Buffer.from(samples.buffer).set(wav.subarray(info.dataOffset, info.dataOffset + info.dataBytes));
	return samples;
};
