import {z} from 'zod';
import {paymentReminderSchema} from '../../src/templates/payment-reminder/payment-reminder-schema';
import {videoFormats} from '../../src/formats';
import {studioBrandSchema} from '../shared/studio-schema';

// `paid` is the live player's paid state (never taken by the API): a switch here shows it in Studio and in stills.
export const paymentReminderStudioSchema = z.object({
	bill: paymentReminderSchema.safeExtend({brand: studioBrandSchema, paid: z.boolean().optional()}),
	format: z.enum(videoFormats),
});
