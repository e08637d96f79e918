import {zColor} from '@remotion/zod-types';
import {brandSchema} from '../../src/templates/telco-bill/telco-bill-schema';

/** The brand with colour pickers, so marketing can tune colours in Studio; each template extends its bill with it. */
export const studioBrandSchema = brandSchema.safeExtend({primaryColor: zColor(), accentColor: zColor().optional()});
