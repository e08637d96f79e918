import {z} from 'zod';
import type {FieldError} from './errors';

/**
 * zod issues as field errors with the paths a client wrote (`bill.lineItems[2].amount`), so each message names the
 * field to fix; a key that is not an identifier is quoted (`headers["x-id"]`) so the path stays unambiguous.
 */
export const fieldErrorsFromZod = (error: z.ZodError): FieldError[] =>
	error.issues.map((issue) => ({path: z.core.toDotPath(issue.path), message: issue.message}));
