import {zColor} from '@remotion/zod-types';
import {z} from 'zod';
import {billSchema, brandSchema} from '../../src/bill-schema';
import {videoFormats} from '../../src/formats';

/** The server's bill schema, with colour pickers for the brand so marketing can tune it in Studio. */
export const telcoBillSchema = z.object({
	bill: billSchema.safeExtend({
		brand: brandSchema.safeExtend({primaryColor: zColor(), accentColor: zColor().optional()}),
	}),
	format: z.enum(videoFormats),
});
