import {Composition} from 'remotion';
import {FPS, formatSizes, videoFormats} from '../src/formats';
import {compositionIdFor} from '../src/render-input';
import {sampleBill} from '../src/sample-bill';
import {calculateTelcoBillMetadata} from './telco-bill/calculate-metadata';
import {TelcoBill} from './telco-bill/telco-bill';
import {telcoBillSchema} from './telco-bill/telco-bill-schema';

export const RemotionRoot: React.FC = () => (
	<>
		{videoFormats.map((format) => (
			<Composition
				key={format}
				id={compositionIdFor('telco-bill', format)}
				component={TelcoBill}
				schema={telcoBillSchema}
				defaultProps={{bill: sampleBill, format}}
				calculateMetadata={calculateTelcoBillMetadata}
				fps={FPS}
				width={formatSizes[format].width}
				height={formatSizes[format].height}
				durationInFrames={1}
			/>
		))}
	</>
);
