import {useMemo} from 'react';
import type {TelcoBill} from '../../src/templates/telco-bill/telco-bill-schema';
import type {VideoFormat} from '../../src/formats';
import {brandPalette} from '../../src/palette';
import type {Timeline} from '../../src/timeline';
import type {SceneSpeech, VideoNarration} from '../../src/narration/speech-timing';

/** What every template component starts from: its timeline, its scenes' strings, the brand palette and the shape. */
export const useTemplate = <B extends {brand: TelcoBill['brand']}, S>({
	bill,
	format,
	timelineOf,
	scriptOf,
	narration,
}: {
	bill: B;
	format: VideoFormat;
	narration?: VideoNarration | undefined;
	timelineOf: (options: {bill: B; format: VideoFormat; speech?: readonly SceneSpeech[] | undefined}) => Timeline;
	scriptOf: (bill: B) => S;
}) => {
	const timeline = useMemo(() => timelineOf({bill, format, speech: narration?.speech}), [bill, format, narration, timelineOf]);
	const script = useMemo(() => scriptOf(bill), [bill, scriptOf]);
	return {timeline, script, palette: brandPalette(bill.brand), wide: format === 'landscape'};
};
