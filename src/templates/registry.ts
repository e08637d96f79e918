import {paymentReminderTemplate} from './payment-reminder';
import type {SceneId} from '../scene-ids';
import type {TemplateDefinition} from './template-definition';
import {telcoBillTemplate} from './telco-bill';
import {utilityBillTemplate} from './utility-bill';

/** Every template, in the order the API and dashboards list them: adding a template adds its line here. */
export const templates = [
	telcoBillTemplate,
	utilityBillTemplate,
	paymentReminderTemplate,
] as const;

type Registered = (typeof templates)[number];
export type TemplateId = Registered['id'];
export const templateIds: readonly TemplateId[] = templates.map((template) => template.id);

/**
 * Every scene of every template, once, for checking a scene named at the edge. Typed as a set of `SceneId`, it also stops
 * the build when a template's scene list is not added to `TemplateScenes` (src/scene-ids.ts).
 */
export const allSceneIds = [...new Set<SceneId>(templates.flatMap((template) => template.sceneIds))] as [SceneId, ...SceneId[]];

type PairOf<D> = D extends {readonly id: infer Id; readonly summary: (bill: infer B) => unknown} ? {readonly template: Id; readonly bill: B} : never;

/** The bill each template explains, paired with its template so one check narrows both. */
export type TemplateBill = PairOf<Registered>;

export type BillOf<T extends TemplateId> = Extract<TemplateBill, {template: T}>['bill'];

const byId = new Map<TemplateId, Registered>(templates.map((template) => [template.id, template]));

/** The scenes a template may play. */
export type SceneOf<T extends TemplateId> = Extract<Registered, {id: T}>['sceneIds'][number];

/** The definition of a template, typed for its bill and its scenes. */
export const templateOf = <T extends TemplateId>(id: T): TemplateDefinition<BillOf<T>, SceneOf<T>> =>
	// A Map cannot tie each id to its own bill type; the entries are built from the definitions themselves, so they agree.
	byId.get(id) as unknown as TemplateDefinition<BillOf<T>, SceneOf<T>>;
