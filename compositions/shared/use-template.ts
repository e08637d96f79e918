import {useMemo} from 'react';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import type {VideoFormat} from '../../src/formats';
import {brandPalette} from '../../src/palette';
import type {Timeline} from '../../src/timeline';

/** What every template component starts from: its timeline, its scenes' strings, the brand palette and the shape. */
export const useTemplate = <B extends {brand: TelcoBill['brand']}, S>({
	bill,
	format,
	timelineOf,
	scriptOf,
}: {
	bill: B;
	format: VideoFormat;
	timelineOf: (options: {bill: B; format: VideoFormat}) => Timeline;
	scriptOf: (bill: B) => S;
}) => {
	const timeline = useMemo(() => timelineOf({bill, format}), [bill, format, timelineOf]);
	const script = useMemo(() => scriptOf(bill), [bill, scriptOf]);
	return {timeline, script, palette: brandPalette(bill.brand), wide: format === 'landscape'};
};
