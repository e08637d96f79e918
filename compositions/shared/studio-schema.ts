import {zColor} from '@remotion/zod-types';
import {brandSchema} from '../../src/bill-fields';

/** The brand with colour pickers, so marketing can tune colours in Studio; each template extends its bill with it. */
export const studioBrandSchema = brandSchema.safeExtend({primaryColor: zColor(), accentColor: zColor().optional()});
