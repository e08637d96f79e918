import {z} from 'zod';
import {paymentReminderSchema} from '../../src/templates/payment-reminder/payment-reminder-schema';
import {videoFormats} from '../../src/formats';
import {studioBrandSchema} from '../shared/studio-schema';

export const paymentReminderStudioSchema = z.object({bill: paymentReminderSchema.safeExtend({brand: studioBrandSchema}), format: z.enum(videoFormats)});
