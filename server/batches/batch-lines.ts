import {utf8Text} from '../platform/require-json';
import {BatchTooLargeError, LineTooLongError} from './batch-errors';

const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * The non-blank lines of a byte stream, numbered from 1, with their trailing CR removed; `text` is undefined for a line
 * that is not UTF-8. A line is refused as soon as it passes `maxBytes`, before more of it is held: readline would
 * buffer a line of any length first and only then let us measure it. Empty lines are counted against `maxLines` but
 * not yielded: a yield each would cost a megabyte of gzip minutes of CPU.
 */
export const cappedLines = async function* (
	source: AsyncIterable<Buffer>,
	maxBytes: number,
	maxLines: number,
): AsyncGenerator<{line: number; text: string | undefined}> {
	let parts: Buffer[] = [];
	let size = 0;
	let line = 0;
	const take = () => {
		const bytes = Buffer.concat(parts, size);
		parts = [];
		size = 0;
		return utf8Text(bytes.at(-1) === CR ? bytes.subarray(0, -1) : bytes);
	};
	const isBlank = (chunk: Buffer, start: number, end: number) => size === 0 && (end === start || (end === start + 1 && chunk[start] === CR));
	for await (const chunk of source) {
		let start = 0;
		for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
			line++;
			if (line > maxLines) throw new BatchTooLargeError(`${maxLines} lines`);
			if (size + end - start > maxBytes) throw new LineTooLongError(line, maxBytes);
			if (!isBlank(chunk, start, end)) {
				parts.push(chunk.subarray(start, end));
				size += end - start;
				yield {line, text: take()};
			}
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
		if (line > maxLines) throw new BatchTooLargeError(`${maxLines} lines`);
		yield {line, text: take()};
	}
};
