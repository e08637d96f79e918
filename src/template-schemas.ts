import {z} from 'zod';
import {templates} from './templates/registry';

/** One `{template, bill}` pair schema per registered template, plus `Shape`'s fields, in the registry's order. */
type PairSchemas<T extends readonly unknown[], Shape extends z.core.$ZodLooseShape> = {
	readonly [K in keyof T]: T[K] extends {readonly id: infer Id extends string; readonly schema: infer S extends z.ZodType}
		? z.ZodObject<Omit<Shape, 'template' | 'bill'> & {template: z.ZodLiteral<Id>; bill: S}>
		: never;
};

/**
 * `{template, bill}` checked as a pair, plus the fields `shape` adds: the template names which bill schema applies,
 * so a utility bill sent as a telco bill is refused field by field.
 */
export const templateBillSchema = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
	z.discriminatedUnion(
		'template',
		// map() loses the tuple's per-template types, which PairSchemas restores from the same registry.
		templates.map((template) => z.object({...shape, template: z.literal(template.id), bill: template.schema})) as unknown as PairSchemas<typeof templates, Shape>,
	);
