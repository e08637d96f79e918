import type {TemplateId} from '../src/templates';
import {TelcoBill} from './telco-bill/telco-bill';

/**
 * The React component of every template, for the live player. Each takes the props `computeRenderInput` gives; the
 * map is typed loosely because each template has its own props type.
 */
export const templateComponents: Record<TemplateId, React.FC<any>> = {
	'telco-bill': TelcoBill,
};
