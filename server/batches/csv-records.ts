import {CsvError, parse, type Options} from 'csv-parse';
import {LineTooLongError, MalformedCsvError} from './batch-errors';

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

/**
 * The records of an RFC 4180 CSV stream (UTF-8, with or without BOM), header first. A record longer than
 * `maxRecordBytes` or broken quoting ends the stream with a problem naming the line the record starts on, after every
 * record before it: csv-parse does not reliably find the next record after either, so nothing after it could be
 * trusted, but what came before is sound. Rows of the wrong width are returned as they are, for the caller to refuse
 * one by one.
 *
 * Records are taken from csv-parse's `on_record` as each chunk is written, not read from its stream: a stream that
 * errors drops the records it still buffers, which here are bills read before the bad line. Lines are counted from
 * each record's `raw` text, because csv-parse's own counter (`info.lines`) counts a CRLF inside a quoted field twice.
 */
export const csvRecords = async function* (
	body: AsyncIterable<Buffer>,
	{delimiter, maxRecordBytes}: {delimiter: string; maxRecordBytes: number},
): AsyncGenerator<CsvRecord> {
	let nextLine = 1;
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
	const written = (chunk: Buffer) => new Promise<unknown>((resolve) => parser.write(chunk, resolve));
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
	for await (const chunk of body) {
		const error = await written(chunk);
		yield* take();
		if (error) throw refusal(error);
	}
	const error = await ended();
	yield* take();
	if (error) throw refusal(error);
};
