import {LineTooLongError} from './batch-errors';

const NEWLINE = 0x0a;

/**
 * Lines of a byte stream, numbered from 1, with their trailing CR removed. A line is refused as soon as it passes
 * `maxBytes`, before more of it is held: readline would buffer a line of any length first and only then let us measure it.
 */
export const cappedLines = async function* (source: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<{line: number; text: string}> {
	let parts: Buffer[] = [];
	let size = 0;
	let line = 0;
	const take = () => {
		const text = Buffer.concat(parts, size).toString('utf8');
		parts = [];
		size = 0;
		return (line === 1 ? text.replace(/^\uFEFF/, '') : text).replace(/\r$/, '');
	};
	for await (const chunk of source) {
		let start = 0;
		for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
			line++;
			if (size + end - start > maxBytes) throw new LineTooLongError(line, maxBytes);
			parts.push(chunk.subarray(start, end));
			size += end - start;
			yield {line, text: take()};
			start = end + 1;
		}
		if (size + chunk.length - start > maxBytes) throw new LineTooLongError(line + 1, maxBytes);
		if (start < chunk.length) {
			// A copy, so a short tail does not keep its whole chunk alive.
			parts.push(Buffer.from(chunk.subarray(start)));
			size += chunk.length - start;
		}
	}
	if (size > 0) {
		line++;
		yield {line, text: take()};
	}
};
