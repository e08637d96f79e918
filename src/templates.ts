export const templateIds = ['telco-bill'] as const;
export type TemplateId = (typeof templateIds)[number];
