import {Readable, pipeline} from 'node:stream';
import {CsvError, parse, type Info} from 'csv-parse';
import {LineTooLongError, MalformedCsvError} from './batch-errors';

export interface CsvRecord {
	/** The line the record starts on, counted from 1 like a text editor does; a quoted field may span lines. */
	readonly line: number;
	readonly cells: readonly string[];
}

const newlines = (cells: readonly string[]): number => cells.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);

/**
 * The records of an RFC 4180 CSV stream (UTF-8, with or without BOM), header first. A record longer than
 * `maxRecordBytes` or broken quoting ends the stream with a problem naming the line: csv-parse does not reliably find
 * the next record after either, so nothing after it could be trusted. Rows of the wrong width are returned as they
 * are, for the caller to refuse one by one.
 */
export const csvRecords = async function* (
	body: AsyncIterable<Buffer>,
	{delimiter, maxRecordBytes}: {delimiter: string; maxRecordBytes: number},
): AsyncGenerator<CsvRecord> {
	const parser = parse({
		bom: true,
		delimiter,
		info: true,
		max_record_size: maxRecordBytes,
		relax_column_count: true,
		skip_empty_lines: true,
	});
	pipeline(Readable.from(body), parser, () => undefined);
	try {
		for await (const {record, info} of parser as AsyncIterable<{record: string[]; info: Info}>) {
			yield {line: info.lines - newlines(record), cells: record};
		}
	} catch (error) {
		if (error instanceof CsvError) {
			const line = typeof error.lines === 'number' ? error.lines : parser.info.lines;
			if (error.code === 'CSV_MAX_RECORD_SIZE') throw new LineTooLongError(line, maxRecordBytes);
			throw new MalformedCsvError(line, error.message.replace(/ at line \d+.*$/s, '').replace(/\.$/, ''));
		}
		throw error;
	}
};
