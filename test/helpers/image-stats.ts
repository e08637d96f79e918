import {inflateSync} from 'node:zlib';

/** Width and height from a PNG's IHDR chunk. */
export const pngSize = (png: Buffer): {width: number; height: number} => ({width: png.readUInt32BE(16), height: png.readUInt32BE(20)});

const paeth = (a: number, b: number, c: number): number => {
	const p = a + b - c;
	const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Red, green and blue of every pixel of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are). */
const rgbPixels = (png: Buffer): Array<[number, number, number]> => {
	const {width, height} = pngSize(png);
	const channels = png[25] === 6 ? 4 : 3;
	const chunks: Buffer[] = [];
	for (let offset = 8; offset < png.length; ) {
		const length = png.readUInt32BE(offset);
		if (png.toString('latin1', offset + 4, offset + 8) === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
		offset += length + 12;
	}
	const data = inflateSync(Buffer.concat(chunks));
	const stride = width * channels;
	const rows: Buffer[] = [];
	for (let y = 0; y < height; y++) {
		const filter = data[y * (stride + 1)]!;
		const row = Buffer.from(data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
		const above = rows[y - 1];
		for (let x = 0; x < stride; x++) {
			const a = x >= channels ? row[x - channels]! : 0;
			const b = above ? above[x]! : 0;
			const c = above && x >= channels ? above[x - channels]! : 0;
			const add = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter]!;
			row[x] = (row[x]! + add) & 0xff;
		}
		rows.push(row);
	}
	return rows.flatMap((row) => Array.from({length: width}, (_, x): [number, number, number] => [row[x * channels]!, row[x * channels + 1]!, row[x * channels + 2]!]));
};

const greyPixels = (png: Buffer): number[] => rgbPixels(png).map(([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b);

/** Pixels that are yellow or orange, as a colour emoji's face is; brand purples and white or black text are not. */
export const yellowPixelCount = (png: Buffer): number => rgbPixels(png).filter(([r, g, b]) => r > 180 && g > 120 && b < 100).length;

/** Standard deviation of the grey levels: near 0 for a blank or flat frame, well above for text on a background. */
export const greyDeviation = (png: Buffer): number => {
	const grey = greyPixels(png);
	const mean = grey.reduce((sum, v) => sum + v, 0) / grey.length;
	return Math.sqrt(grey.reduce((sum, v) => sum + (v - mean) ** 2, 0) / grey.length);
};
