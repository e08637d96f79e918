import type {BatchLine, CellSource} from './batch-ingest';
import type {BatchFieldError} from './batch-store';
import {LineTooLongError, MalformedCsvError} from './batch-errors';
import {csvRecords, type CsvRecord} from './csv-records';
import {EACH, pathOf, tokensOf, type Token} from './field-path';
import {ValidationError} from '../platform/errors';
import {columnTargets, type CellType, type Mapping} from './mapping-schema';
import {decimalToMinor} from '../../src/money';
import type {Tenant} from '../tenants/tenant';

/** The bill schema allows 500 line items; a group far past that is refused without holding its rows. */
const MAX_ROWS_PER_BILL = 1_000;

interface Target {
	readonly column: string;
	readonly index: number;
	readonly type: CellType;
	readonly tokens: readonly Token[];
	/** One value per row (an item of `[]`), rather than one per bill. */
	readonly perRow: boolean;
}

interface Assignment {
	readonly target: Target;
	readonly tokens: readonly Token[];
	readonly line: number;
	readonly text: string;
}

/** "1.234,56" with a decimal comma, "1,234.56" or "1 234.56" with a point, as "1234.56"; undefined when it is not a number. */
const decimalText = (text: string, separator: '.' | ','): string | undefined => {
	const grouping = separator === ',' ? "[.\\s'\\u00a0\\u202f]" : "[,\\s'\\u00a0\\u202f]";
	const match = new RegExp(`^([-+]?)(\\d{1,3}(?:${grouping}\\d{3})+|\\d+)(?:\\${separator}(\\d+))?$`).exec(text);
	if (!match) return undefined;
	const [, sign, whole, fraction] = match;
	return `${sign === '-' ? '-' : ''}${whole!.replace(/\D/g, '')}${fraction ? `.${fraction}` : ''}`;
};

/**
 * Only own properties are read and written: a path may go below a field that holds anything (a TMF678 characteristic's
 * value), where `__proto__` is a key like any other, and `node.__proto__ = …` there would reach Object.prototype.
 */
const ownAt = (node: object, token: Token): unknown => (Object.hasOwn(node, token) ? (node as Record<string | number, unknown>)[token] : undefined);
const putAt = (node: object, token: Token, value: unknown): void => {
	Object.defineProperty(node, token, {value, writable: true, enumerable: true, configurable: true});
};

const setIn = (target: Record<string, unknown>, tokens: readonly Token[], value: unknown): void => {
	let node: object = target;
	tokens.forEach((token, position) => {
		if (position === tokens.length - 1) {
			putAt(node, token, value);
			return;
		}
		const next = ownAt(node, token);
		if (typeof next !== 'object' || next === null) putAt(node, token, typeof tokens[position + 1] === 'number' ? [] : {});
		node = ownAt(node, token) as object;
	});
};

const getIn = (source: unknown, tokens: readonly Token[]): unknown =>
	tokens.reduce<unknown>((node, token) => (typeof node === 'object' && node !== null ? ownAt(node, token) : undefined), source);

/**
 * Numbers the items of each list 0, 1, 2… in the order they appear, so an empty row or an unused `[2]` column leaves
 * no hole in the list. Items are grouped by their unrenumbered parent, which names the same list either way. A list
 * the columns fill keeps, of its items in the defaults, only those a cell of this bill filled: the defaults of a
 * `lineItems[1]` whose amount cell is empty must not become an item without an amount.
 */
const compact = (assignments: readonly Assignment[], targets: readonly Target[], body: Record<string, unknown>): Assignment[] => {
	const indexes = new Map<string, number[]>();
	for (const {tokens} of targets) {
		const first = tokens.findIndex((token) => typeof token === 'number');
		if (first !== -1) indexes.set(JSON.stringify(tokens.slice(0, first)), []);
	}
	for (const {tokens} of assignments) {
		tokens.forEach((token, position) => {
			if (typeof token !== 'number') return;
			const parent = JSON.stringify(tokens.slice(0, position));
			const seen = indexes.get(parent) ?? [];
			if (!seen.includes(token)) seen.push(token);
			indexes.set(parent, seen);
		});
	}
	const renumber = (tokens: readonly Token[]): Token[] =>
		tokens.map((token, position) => (typeof token === 'number' ? indexes.get(JSON.stringify(tokens.slice(0, position)))!.indexOf(token) : token));
	// Outer lists first, so an inner list is found where its renumbered parent now is.
	const parents = [...indexes.entries()].map(([parent, seen]) => [JSON.parse(parent) as Token[], seen.sort((a, b) => a - b)] as const);
	for (const [parent, seen] of parents.sort((a, b) => a[0].length - b[0].length)) {
		const defaults = getIn(body, renumber(parent));
		if (Array.isArray(defaults)) setIn(body, renumber(parent), seen.map((index) => defaults[index]));
	}
	return assignments.map((assignment) => ({...assignment, tokens: renumber(assignment.tokens)}));
};

/** The mapping's columns found in the header; a column it names that the header lacks refuses the whole body. */
const targetsFor = (header: readonly string[], mapping: Mapping, mappingName: string): {targets: Target[]; groupIndex?: number} => {
	const positions = new Map<string, number>();
	header.forEach((name, index) => {
		if (!positions.has(name.trim())) positions.set(name.trim(), index);
	});
	const missing = [...columnTargets(mapping).map((target) => target.column), ...(mapping.groupBy ? [mapping.groupBy] : [])].filter(
		(column) => !positions.has(column),
	);
	if (missing.length > 0) {
		throw new ValidationError(
			[...new Set(missing)].map((column) => ({
				path: `header.${column}`,
				message: `is a column mapping "${mappingName}" names, but the CSV header has none: it has ${header.map((name) => JSON.stringify(name)).join(', ')}`,
			})),
		);
	}
	const targets = columnTargets(mapping).map(({column, field, type}) => {
		const tokens = tokensOf(field);
		return {column, index: positions.get(column)!, type, tokens, perRow: tokens.includes(EACH)};
	});
	return {targets, ...(mapping.groupBy ? {groupIndex: positions.get(mapping.groupBy)!} : {})};
};

/** One bill from its rows: the cells set on the mapping's defaults, amounts read in the bill's currency. */
const billFrom = ({
	rows,
	header,
	targets,
	mapping,
	tenant,
}: {
	rows: readonly CsvRecord[];
	header: readonly string[];
	targets: readonly Target[];
	mapping: Mapping;
	tenant: Tenant;
}): BatchLine => {
	const line = rows[0]!.line;
	const errors: BatchFieldError[] = [];
	const assignments: Assignment[] = [];
	const perBill = new Map<Target, Assignment>();
	rows.forEach((row, item) => {
		if (row.cells.length !== header.length) {
			errors.push({path: '', line: row.line, message: `has ${row.cells.length} fields, but the header has ${header.length}`});
			return;
		}
		for (const target of targets) {
			const text = row.cells[target.index]!.trim();
			if (text === '') continue;
			const assignment = {target, line: row.line, text, tokens: target.tokens.map((token) => (token === EACH ? item : token))};
			if (target.perRow) {
				assignments.push(assignment);
				continue;
			}
			const first = perBill.get(target);
			if (!first) {
				perBill.set(target, assignment);
				assignments.push(assignment);
			} else if (first.text !== text) {
				errors.push({
					path: pathOf(target.tokens),
					column: target.column,
					line: row.line,
					message: `is "${text}", but "${first.text}" on line ${first.line} of the same bill: a bill's rows must agree`,
				});
			}
		}
	});
	const body = structuredClone(mapping.defaults) as Record<string, unknown>;
	const placed = compact(assignments, targets, body);
	const sources = new Map<string, CellSource>();
	const money: Assignment[] = [];
	for (const assignment of placed) {
		const {target, text} = assignment;
		const source = {column: target.column, line: assignment.line};
		const error = (message: string) => errors.push({path: pathOf(assignment.tokens), ...source, message});
		sources.set(pathOf(assignment.tokens), source);
		if (target.type === 'text') {
			setIn(body, assignment.tokens, text);
			continue;
		}
		const decimal = decimalText(text, mapping.decimalSeparator);
		const example = mapping.decimalSeparator === ',' ? '1234,56' : '1234.56';
		if (decimal === undefined) error(`is "${text}", not a number written like ${example}`);
		else if (target.type === 'money') money.push({...assignment, text: decimal});
		else if (target.type === 'integer' && !/^-?\d+$/.test(decimal)) error(`is "${text}", not a whole number`);
		else setIn(body, assignment.tokens, Number(decimal));
	}
	if (getIn(body, ['bill', 'brand']) === undefined && tenant.brand) setIn(body, ['bill', 'brand'], tenant.brand);
	if (money.length > 0) {
		const currencyPath = ['bill', 'customer', 'currency'];
		const currency = getIn(body, currencyPath);
		const currencySource = sources.get(pathOf(currencyPath));
		// Any well-formed code has digits to read with; an unknown one is then refused by the bill schema.
		if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
			errors.push({
				path: pathOf(currencyPath),
				...(currencySource ?? {line}),
				message: `must be an ISO 4217 code such as EUR or KRW to read the amounts in ${money.map((m) => `"${m.target.column}"`).join(', ')}: map a column to it or set it in the mapping's defaults`,
			});
		} else {
			for (const assignment of money) {
				const minor = decimalToMinor({value: assignment.text, currency});
				if (minor.ok) setIn(body, assignment.tokens, minor.minor);
				else errors.push({path: pathOf(assignment.tokens), column: assignment.target.column, line: assignment.line, message: minor.message});
			}
		}
	}
	if (errors.length > 0) return {line, errors};
	return {line, body, sourceOf: (path) => sourceOf(sources, path)};
};

/** The cell a field error comes from: the field itself, the first cell inside it, or the nearest cell holding it. */
const sourceOf = (sources: ReadonlyMap<string, CellSource>, path: string): CellSource | undefined => {
	const exact = sources.get(path);
	if (exact) return exact;
	for (const [field, source] of sources) if (field.startsWith(`${path}.`) || field.startsWith(`${path}[`)) return source;
	let nearest: [string, CellSource] | undefined;
	for (const entry of sources) {
		if ((path.startsWith(`${entry[0]}.`) || path.startsWith(`${entry[0]}[`)) && entry[0].length > (nearest?.[0].length ?? -1)) nearest = entry;
	}
	return nearest?.[1];
};

/**
 * Render requests from the records of a CSV export, header first, through a tenant's mapping: one row a bill, or with
 * `groupBy` the adjacent rows of one bill number. Only the rows of the current bill are held.
 */
export const csvBills = async ({
	body,
	mapping,
	mappingName,
	tenant,
	maxRecordBytes,
	maxLines,
}: {
	body: AsyncIterable<Buffer>;
	mapping: Mapping;
	mappingName: string;
	tenant: Tenant;
	maxRecordBytes: number;
	maxLines: number;
}): Promise<AsyncGenerator<BatchLine>> => {
	const records = csvRecords(body, {delimiter: mapping.delimiter, maxRecordBytes, maxLines});
	const first = await records.next();
	if (first.done) throw new ValidationError([{path: '', message: 'is empty: a CSV batch starts with its header row'}]);
	// Checked now rather than at the first row, so a header that does not fit is refused before a batch is made.
	const header = first.value.cells;
	const {targets, groupIndex} = targetsFor(header, mapping, mappingName);
	return bills({header, records, mapping, tenant, targets, groupIndex});
};

const bills = async function* ({
	header,
	records,
	mapping,
	tenant,
	targets,
	groupIndex,
}: {
	header: readonly string[];
	records: AsyncIterable<CsvRecord>;
	mapping: Mapping;
	tenant: Tenant;
	targets: readonly Target[];
	groupIndex?: number;
}): AsyncGenerator<BatchLine> {
	const bill = (rows: readonly CsvRecord[]) => billFrom({rows, header, targets, mapping, tenant});
	if (groupIndex === undefined) {
		for await (const record of records) yield bill([record]);
		return;
	}
	const groupColumn = mapping.groupBy!;
	const seen = new Map<string, number>();
	let rows: CsvRecord[] = [];
	let overflow = 0;
	let key = '';
	const finish = (): BatchLine => {
		const line = rows[0]!.line;
		const refuse = (message: string): BatchLine => ({line, errors: [{path: '', column: groupColumn, line, message}]});
		const earlier = seen.get(key);
		if (key === '') return refuse('is empty: every row names the bill it belongs to');
		seen.set(key, earlier ?? line);
		if (earlier !== undefined) return refuse(`is "${key}", a bill that began on line ${earlier}: the rows of a bill must be adjacent`);
		if (overflow > 0) return refuse(`is "${key}" on ${rows.length + overflow} rows, more than the ${MAX_ROWS_PER_BILL} one bill may have`);
		return bill(rows);
	};
	try {
		for await (const record of records) {
			const recordKey = (record.cells[groupIndex] ?? '').trim();
			if (rows.length > 0 && recordKey === key) {
				if (rows.length < MAX_ROWS_PER_BILL) rows.push(record);
				else overflow++;
				continue;
			}
			if (rows.length > 0) yield finish();
			rows = [record];
			overflow = 0;
			key = recordKey;
		}
	} catch (error) {
		throw rows.length > 0 ? cutShort(error, rows[0]!.line) : error;
	}
	if (rows.length > 0) yield finish();
};

/**
 * A record that ends the body may have been the next row of the bill being gathered, so that bill is not read either:
 * the problem says its rows are unread too, and the fixed body sent again reads it whole.
 */
const cutShort = (error: unknown, billLine: number): unknown => {
	if (error instanceof MalformedCsvError) return new MalformedCsvError(error.line, error.reason, billLine);
	if (error instanceof LineTooLongError) return new LineTooLongError(error.line, error.maxBytes, billLine);
	return error;
};
