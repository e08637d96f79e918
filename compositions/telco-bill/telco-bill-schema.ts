import {z} from 'zod';
import {telcoBillSchema} from '../../src/templates/telco-bill/telco-bill-schema';
import {videoFormats} from '../../src/formats';
import {studioBrandSchema} from '../shared/studio-schema';

export const telcoBillStudioSchema = z.object({bill: telcoBillSchema.safeExtend({brand: studioBrandSchema}), format: z.enum(videoFormats)});
