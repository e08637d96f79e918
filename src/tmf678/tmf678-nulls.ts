/**
 * A TMF payload with every `null` field left out. Many billing systems write an optional field they have no value for
 * as null (Java serialisers do by default), and TMF678 gives null no other meaning. A null in a list is not a field,
 * so it stays, and the schema names it.
 */
export const withoutNulls = (value: unknown): unknown => {
	if (Array.isArray(value)) return value.map(withoutNulls);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(Object.entries(value).flatMap(([key, field]) => (field === null ? [] : [[key, withoutNulls(field)]])));
};
