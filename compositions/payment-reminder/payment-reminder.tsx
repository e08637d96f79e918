import {messagesFor} from '../../src/i18n/catalogue';
import type {PaymentReminder as PaymentReminderData} from '../../src/templates/payment-reminder/payment-reminder-schema';
import {buildReminderTimeline} from '../../src/templates/payment-reminder/reminder-timeline';
import type {TemplateVideoProps} from '../../src/render-input';
import {reminderScript} from '../../src/templates/payment-reminder/reminder-script';
import {CloseScene} from '../shared/scenes/close-scene';
import {GreetingScene} from '../shared/scenes/greeting-scene';
import {TemplateFrame} from '../shared/template-frame';
import {useTemplate} from '../shared/use-template';
import {NextScene} from './scenes/next-scene';
import {OptionsScene} from './scenes/options-scene';
import {OverdueScene} from './scenes/overdue-scene';
import {PlanScene} from './scenes/plan-scene';

export const PaymentReminder: React.FC<TemplateVideoProps<PaymentReminderData>> = ({bill, format, narration}) => {
	const {timeline, script, palette} = useTemplate({bill, format, narration, timelineOf: buildReminderTimeline, scriptOf: reminderScript});
	return (
		<TemplateFrame
			narration={narration}
			timeline={timeline}
			palette={palette}
			scenes={{
				greeting: <GreetingScene script={script.greeting} palette={palette} logoUrl={bill.brand.logoUrl} />,
				overdue: <OverdueScene script={script.overdue} palette={palette} />,
				next: <NextScene script={script.next} palette={palette} />,
				plan: script.plan && <PlanScene script={script.plan} palette={palette} />,
				options: (
					<OptionsScene
						script={script.options}
						timeline={timeline}
						palette={palette}
						paidLabel={bill.paid ? messagesFor(bill.customer.locale).paidTitle : undefined}
					/>
				),
				close: <CloseScene script={script.close} timeline={timeline} palette={palette} logoUrl={bill.brand.logoUrl} />,
			}}
		/>
	);
};
