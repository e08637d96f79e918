import {z} from 'zod';
import type {FieldError} from '../platform/errors';

/** The field names of the object `path` leads to inside `schema`, through optional fields, lists and records. */
const fieldsAt = (schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] => {
	if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) return fieldsAt(schema.unwrap(), path);
	const [step, ...rest] = path;
	if (schema instanceof z.ZodObject) {
		if (step === undefined) return Object.keys(schema.shape);
		return typeof step === 'string' && Object.hasOwn(schema.shape, step) ? fieldsAt(schema.shape[step] as z.core.$ZodType, rest) : [];
	}
	if (schema instanceof z.ZodArray) return fieldsAt(schema.element, rest);
	if (schema instanceof z.ZodRecord) return fieldsAt(schema.valueType, rest);
	return [];
};

/** Edits between two words (a letter added, dropped or changed, or two side by side swapped), case aside. */
const editDistance = (from: string, to: string): number => {
	const [a, b] = [from.toLowerCase(), to.toLowerCase()];
	const rows = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const changed = a[i - 1] === b[j - 1] ? 0 : 1;
			rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + changed);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i]![j] = Math.min(rows[i]![j]!, rows[i - 2]![j - 2]! + 1);
		}
	}
	return rows[a.length]![b.length]!;
};

/** The field a mistyped key most likely meant: a case slip, or up to two edits (one for a short key). */
const meant = (key: string, fields: readonly string[]): string | undefined => {
	const [best] = fields
		.map((field) => ({field, distance: editDistance(key, field)}))
		.filter(({distance}) => distance <= (key.length > 4 ? 2 : 1))
		.sort((one, other) => one.distance - other.distance);
	return best?.field;
};

/**
 * One field error per key the schema does not know, at the key's own path (`bill.previousAmmount`), with the field it
 * was probably meant to be. zod reports them together at the object's path, which names no field to fix.
 */
export const unrecognizedKeyErrors = (issue: z.core.$ZodIssueUnrecognizedKeys, schema: z.core.$ZodType | undefined): FieldError[] => {
	const fields = schema ? fieldsAt(schema, issue.path) : [];
	return issue.keys.map((key) => {
		const hint = meant(key, fields);
		return {path: z.core.toDotPath([...issue.path, key]), message: hint ? `unrecognized key: did you mean ${hint}?` : 'unrecognized key'};
	});
};
