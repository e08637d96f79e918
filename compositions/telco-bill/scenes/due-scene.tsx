import {Sequence} from 'remotion';
import {formatDate} from '../../../src/dates';
import {fill} from '../../../src/i18n/catalogue';
import {PAY_BUTTON_ENTRANCE} from '../../../src/scene-motion';
import {sceneOf} from '../../../src/timeline';
import {Fade} from '../../shared/fade';
import {PayButton} from '../../shared/pay-button';
import {useUnit} from '../../shared/use-unit';
import type {SceneProps} from './scene-props';

export const DueScene: React.FC<SceneProps> = ({bill, timeline, palette, messages, money}) => {
	const u = useUnit();
	const pay = timeline.hotspots.find((hotspot) => hotspot.kind === 'pay');
	const sceneStart = sceneOf(timeline, 'due')?.from ?? 0;
	const status =
		bill.payment.status === 'paid' ? messages.alreadyPaid : bill.payment.status === 'autopay' ? messages.autopay : null;
	return (
		<Fade style={{alignItems: 'center', color: palette.onPrimary, textAlign: 'center', paddingTop: 110 * u}}>
			<div style={{fontSize: 46 * u, fontWeight: 700}}>
				{fill(messages.dueTitle, {date: formatDate(bill.dueDate, bill.customer.locale)})}
			</div>
			<div style={{fontSize: 120 * u, fontWeight: 800, lineHeight: 1.15}}>{money(bill.amountDue)}</div>
			{status ? <div style={{fontSize: 40 * u, marginTop: 40 * u}}>{status}</div> : null}
			{pay ? (
				<Sequence from={pay.from - sceneStart - PAY_BUTTON_ENTRANCE} layout="none">
					<PayButton rect={pay.rect} label={fill(messages.payNow, {amount: money(bill.amountDue)})} palette={palette} />
				</Sequence>
			) : null}
		</Fade>
	);
};
