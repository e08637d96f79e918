import {z} from 'zod';
import {billSchema} from '../../src/templates/telco-bill/telco-bill-schema';
import {videoFormats} from '../../src/formats';
import {studioBrandSchema} from '../shared/studio-schema';

export const telcoBillSchema = z.object({bill: billSchema.safeExtend({brand: studioBrandSchema}), format: z.enum(videoFormats)});
