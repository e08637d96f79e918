import {z} from 'zod';
import type {FieldError} from './errors';

// A field a client left out reads "is required", as the hand-written messages say it, rather than zod's "Invalid input:
// expected string, received undefined". Schemas' own messages still win (zod's precedence), so this only fills gaps.
z.config({customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined)});

/**
 * zod issues as field errors with the paths a client wrote (`bill.lineItems[2].amount`), so each message names the
 * field to fix; a key that is not an identifier is quoted (`headers["x-id"]`) so the path stays unambiguous.
 */
export const fieldErrorsFromZod = (error: z.ZodError): FieldError[] =>
	error.issues.map((issue) => ({path: z.core.toDotPath(issue.path), message: issue.message}));
