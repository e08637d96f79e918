import type {z} from 'zod';
import type {FieldError} from './errors';

const joinPath = (path: readonly PropertyKey[]): string =>
	path.reduce<string>(
		(joined, key) => (typeof key === 'number' ? `${joined}[${key}]` : joined ? `${joined}.${String(key)}` : String(key)),
		'',
	);

/** zod issues as field errors with the paths a client wrote, so each message names the field to fix. */
export const fieldErrorsFromZod = (error: z.ZodError): FieldError[] =>
	error.issues.map((issue) => ({path: joinPath(issue.path), message: issue.message}));
