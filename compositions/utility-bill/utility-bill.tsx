import type {TemplateVideoProps} from '../../src/render-input';
import {utilityScript} from '../../src/templates/utility-bill/utility-script';
import type {UtilityBill as UtilityBillData} from '../../src/templates/utility-bill/utility-bill-schema';
import {buildUtilityTimeline} from '../../src/templates/utility-bill/utility-timeline';
import {CloseScene} from '../shared/scenes/close-scene';
import {DueScene} from '../shared/scenes/due-scene';
import {GreetingScene} from '../shared/scenes/greeting-scene';
import {TemplateFrame} from '../shared/template-frame';
import {useTemplate} from '../shared/use-template';
import {ConsumptionScene} from './scenes/consumption-scene';
import {CostScene} from './scenes/cost-scene';
import {SimilarScene} from './scenes/similar-scene';
import {TipsScene} from './scenes/tips-scene';

export const UtilityBill: React.FC<TemplateVideoProps<UtilityBillData>> = ({bill, format, narration}) => {
	const {timeline, script, palette, wide} = useTemplate({bill, format, narration, timelineOf: buildUtilityTimeline, scriptOf: utilityScript});
	return (
		<TemplateFrame
			narration={narration}
			timeline={timeline}
			palette={palette}
			scenes={{
				greeting: <GreetingScene script={script.greeting} palette={palette} logoUrl={bill.brand.logoUrl} />,
				consumption: <ConsumptionScene script={script.consumption} palette={palette} wide={wide} />,
				cost: <CostScene script={script.cost} palette={palette} wide={wide} />,
				similar: script.similar ? <SimilarScene script={script.similar} palette={palette} wide={wide} /> : null,
				tips: <TipsScene script={script.tips} palette={palette} />,
				due: <DueScene script={script.due} timeline={timeline} palette={palette} />,
				close: <CloseScene script={script.close} timeline={timeline} palette={palette} logoUrl={bill.brand.logoUrl} />,
			}}
		/>
	);
};
