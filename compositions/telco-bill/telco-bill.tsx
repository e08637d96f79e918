import type {TemplateVideoProps} from '../../src/render-input';
import type {TelcoBill as TelcoBillData} from '../../src/templates/telco-bill/telco-bill-schema';
import {telcoScript} from '../../src/templates/telco-bill/telco-script';
import {buildTelcoTimeline} from '../../src/templates/telco-bill/telco-timeline';
import {CloseScene} from '../shared/scenes/close-scene';
import {DueScene} from '../shared/scenes/due-scene';
import {GreetingScene} from '../shared/scenes/greeting-scene';
import {TemplateFrame} from '../shared/template-frame';
import {useTemplate} from '../shared/use-template';
import {BreakdownScene} from './scenes/breakdown-scene';
import {TotalScene} from './scenes/total-scene';
import {UsageScene} from './scenes/usage-scene';

export const TelcoBill: React.FC<TemplateVideoProps<TelcoBillData>> = ({bill, format, narration}) => {
	const {timeline, script, palette, wide} = useTemplate({bill, format, narration, timelineOf: buildTelcoTimeline, scriptOf: telcoScript});
	return (
		<TemplateFrame
			narration={narration}
			timeline={timeline}
			palette={palette}
			scenes={{
				greeting: <GreetingScene script={script.greeting} palette={palette} logoUrl={bill.brand.logoUrl} />,
				total: <TotalScene bill={bill} script={script.total} palette={palette} />,
				breakdown: <BreakdownScene script={script.breakdown} palette={palette} wide={wide} />,
				usage: <UsageScene script={script.usage} palette={palette} wide={wide} />,
				due: <DueScene script={script.due} timeline={timeline} palette={palette} />,
				close: <CloseScene script={script.close} timeline={timeline} palette={palette} logoUrl={bill.brand.logoUrl} />,
			}}
		/>
	);
};
