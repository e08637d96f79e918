import {CsvError, parse, type Options} from 'csv-parse';
import {utf8Text} from '../platform/require-json';
import {BatchTooLargeError, LineTooLongError, MalformedCsvError} from './batch-errors';

export interface CsvRecord {
	/** The line the record starts on, counted from 1 like a text editor does; a quoted field may span lines. */
	readonly line: number;
	readonly cells: readonly string[];
}

type RawRecord = {record: string[]; raw: string};

/** A line ends at CRLF, LF or a lone CR, as an editor counts them. */
const LINE_BREAK = /\r\n|\r|\n/g;
const breaksIn = (text: string): number => text.match(LINE_BREAK)?.length ?? 0;
/** The empty lines csv-parse skipped before a record are the start of its raw text. */
const emptyLinesBefore = (raw: string): number => breaksIn(/^[\r\n]*/.exec(raw)![0]);
const NEWLINE = 0x0a;

/**
 * The records of an RFC 4180 CSV stream (UTF-8, with or without BOM), header first. A record longer than
 * `maxRecordBytes` or broken quoting ends the stream with a problem naming the line the record starts on, after every
 * record before it: csv-parse does not reliably find the next record after either, so nothing after it could be
 * trusted, but what came before is sound. A line that is not UTF-8 ends it the same way, naming that line, and so does
 * a stream of more than `maxLines` lines, blank ones included. Rows of the wrong width are returned as they are, for the caller to refuse
 * one by one.
 *
 * Records are taken from csv-parse's `on_record` as each chunk is written, not read from its stream: a stream that
 * errors drops the records it still buffers, which here are bills read before the bad line. Lines are counted from
 * each record's `raw` text, because csv-parse's own counter (`info.lines`) counts a CRLF inside a quoted field twice.
 */
export const csvRecords = async function* (
	body: AsyncIterable<Buffer>,
	{delimiter, maxRecordBytes, maxLines}: {delimiter: string; maxRecordBytes: number; maxLines: number},
): AsyncGenerator<CsvRecord> {
	let nextLine = 1;
	/** Line breaks in the text given to the parser. */
	let linesRead = 0;
	/** The bytes after the last line break, held until their line ends so a character is never decoded in halves. */
	let tail = Buffer.alloc(0);
	let parsed: CsvRecord[] = [];
	const options: Options<RawRecord> = {
		bom: true,
		delimiter,
		raw: true,
		max_record_size: maxRecordBytes,
		relax_column_count: true,
		skip_empty_lines: true,
		on_record: ({record, raw}) => {
			parsed.push({line: nextLine + emptyLinesBefore(raw), cells: record});
			nextLine += breaksIn(raw);
			// Kept here; nothing goes to the parser's readable side, which is never read.
			return null;
		},
	};
	// With `raw`, each record comes as {record, raw}; csv-parse's typings say so only for parsers with `columns`.
	const parser = parse(options as unknown as Options);
	// A parse error comes back through write's and end's callbacks; the 'error' event repeats it.
	parser.on('error', () => undefined);
	const written = (text: string) => new Promise<unknown>((resolve) => parser.write(text, resolve));
	const ended = () => new Promise<unknown>((resolve) => parser.end(resolve));
	const refusal = (error: unknown): unknown => {
		if (!(error instanceof CsvError)) return error;
		const line = nextLine + emptyLinesBefore(typeof error.raw === 'string' ? error.raw : '');
		if (error.code === 'CSV_MAX_RECORD_SIZE') return new LineTooLongError(line, maxRecordBytes);
		// csv-parse's own "at line N" is its counter's, which can be wrong (see above): the line is ours.
		return new MalformedCsvError(line, error.message.replace(/ at line \d+.*$/s, '').replace(/\.$/, ''));
	};
	const take = () => {
		const records = parsed;
		parsed = [];
		return records;
	};
	const parsedFrom = async function* (text: string): AsyncGenerator<CsvRecord> {
		linesRead += breaksIn(text);
		if (linesRead > maxLines) throw new BatchTooLargeError(`${maxLines} lines`);
		const error = await written(text);
		yield* take();
		if (error) throw refusal(error);
	};
	/** Whole lines, decoded strictly; the lines before one that is not UTF-8 are still parsed, then it is refused. */
	const linesFrom = async function* (bytes: Buffer): AsyncGenerator<CsvRecord> {
		const text = utf8Text(bytes);
		if (text !== undefined) {
			yield* parsedFrom(text);
			return;
		}
		let good = 0;
		for (let end = bytes.indexOf(NEWLINE); end !== -1 && utf8Text(bytes.subarray(good, end + 1)) !== undefined; end = bytes.indexOf(NEWLINE, good)) good = end + 1;
		yield* parsedFrom(utf8Text(bytes.subarray(0, good))!);
		// Ended, so the parser gives up the record it holds until it sees what follows; a record the bad line belongs to is
		// unfinished, and its error is this one.
		await ended();
		yield* take();
		throw new MalformedCsvError(linesRead + 1, 'is not UTF-8 text: save the file as UTF-8, not Windows-1252 or Latin-1');
	};
	for await (const chunk of body) {
		const lastBreak = chunk.lastIndexOf(NEWLINE);
		if (lastBreak === -1) {
			tail = Buffer.concat([tail, chunk]);
			if (tail.length > maxRecordBytes) {
				// Given to the parser so it ends the records before this one and refuses it as any record over the cap. It is
				// never read as a bill, so a character cut in half at its end does not matter.
				yield* parsedFrom(tail.toString());
				yield* take();
				throw new LineTooLongError(nextLine, maxRecordBytes);
			}
			continue;
		}
		yield* linesFrom(Buffer.concat([tail, chunk.subarray(0, lastBreak + 1)]));
		tail = Buffer.from(chunk.subarray(lastBreak + 1));
	}
	if (tail.length > 0) yield* linesFrom(tail);
	const error = await ended();
	yield* take();
	if (error) throw refusal(error);
};
