/** `[]` in a field path: the item of the row within its bill (a mapping with groupBy). */
export const EACH = -1;

/** A step of a field path: an object's key or a list's index (`EACH` for `[]`). */
export type Token = string | number;

/** `bill.lineItems[0].amount` as `['bill', 'lineItems', 0, 'amount']`; the path has passed the mapping's pattern. */
export const tokensOf = (field: string): Token[] =>
	field.split('.').flatMap((part) => {
		const [, key, index] = /^([^[]+)(?:\[(\d*)\])?$/.exec(part)!;
		return index === undefined ? [key!] : [key!, index === '' ? EACH : Number(index)];
	});

/** Tokens written back as a path, the way a client writes it. */
export const pathOf = (tokens: readonly Token[]): string =>
	tokens.reduce<string>((path, token) => (typeof token === 'number' ? `${path}[${token === EACH ? '' : token}]` : path ? `${path}.${token}` : token), '');
