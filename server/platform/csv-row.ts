/**
 * Leading characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): a customer reference
 * such as `=HYPERLINK(…)` in a batch export, or a scope in an analytics export, would otherwise run in the tenant's
 * SMS tool or spreadsheet the moment the file is opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: a field holding the separator, a quote or a line break is quoted, with its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell as OWASP advises: a formula-leading one is prefixed with a single quote and quoted, so it is shown as text. */
const csvField = (value: string): string => {
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return text !== value || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One record of a CSV export, line break included. */
export const csvRow = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\n`;
