import type {Bill} from '../../../src/bill-schema';
import type {Messages} from '../../../src/i18n/catalogue';
import type {Timeline} from '../../../src/timeline';
import type {Palette} from '../../shared/theme';

export interface SceneProps {
	readonly bill: Bill;
	readonly timeline: Timeline;
	readonly palette: Palette;
	readonly messages: Messages;
	readonly money: (minor: number, signed?: boolean) => string;
}
