import {useMemo} from 'react';
import {AbsoluteFill, Sequence} from 'remotion';
import {messagesFor} from '../../src/i18n/catalogue';
import {formatMoney} from '../../src/money';
import type {BillVideoProps} from '../../src/render-input';
import {buildTimeline, type SceneId} from '../../src/timeline';
import {FONT_STACK, paletteFor} from '../shared/theme';
import {BreakdownScene} from './scenes/breakdown-scene';
import {CloseScene} from './scenes/close-scene';
import {DueScene} from './scenes/due-scene';
import {GreetingScene} from './scenes/greeting-scene';
import type {SceneProps} from './scenes/scene-props';
import {TotalScene} from './scenes/total-scene';
import {UsageScene} from './scenes/usage-scene';

const scenes: Record<SceneId, React.FC<SceneProps>> = {
	greeting: GreetingScene,
	total: TotalScene,
	breakdown: BreakdownScene,
	usage: UsageScene,
	due: DueScene,
	close: CloseScene,
};

export const TelcoBill: React.FC<BillVideoProps> = ({bill, format}) => {
	const timeline = useMemo(() => buildTimeline({bill, format}), [bill, format]);
	const sceneProps = useMemo((): SceneProps => {
		const {locale, currency} = bill.customer;
		return {
			bill,
			timeline,
			palette: paletteFor(bill.brand),
			messages: messagesFor(locale),
			money: (minor, signed) => formatMoney({minor, currency, locale, signed}),
		};
	}, [bill, timeline]);
	return (
		<AbsoluteFill
			style={{
				fontFamily: FONT_STACK,
				background: `linear-gradient(150deg, ${sceneProps.palette.primary} 0%, ${sceneProps.palette.primary}E6 60%, #00000040 100%), ${sceneProps.palette.primary}`,
			}}
		>
			{timeline.scenes.map((scene) => {
				const Scene = scenes[scene.id];
				return (
					<Sequence key={scene.id} name={scene.id} from={scene.from} durationInFrames={scene.durationInFrames}>
						<Scene {...sceneProps} />
					</Sequence>
				);
			})}
		</AbsoluteFill>
	);
};
