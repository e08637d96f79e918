import {z} from 'zod';
import {utilityBillSchema} from '../../src/templates/utility-bill/utility-bill-schema';
import {videoFormats} from '../../src/formats';
import {studioBrandSchema} from '../shared/studio-schema';

export const utilityBillStudioSchema = z.object({bill: utilityBillSchema.safeExtend({brand: studioBrandSchema}), format: z.enum(videoFormats)});
