import {z} from 'zod';

/**
 * The wordings a soft-collection experiment compares. `standard` is the catalogue's usual text (the control); `soft`
 * and `firm` change what the due (or overdue) scene says and so its captions, from the bill's own language.
 */
export const messageVariants = ['standard', 'soft', 'firm'] as const;
export type MessageVariant = (typeof messageVariants)[number];

export const messageVariantSchema = z.enum(messageVariants, {error: `must be one of ${messageVariants.join(', ')}`});
