/** The scenes this template may play, in order; its timeline leaves out a scene the bill has no data for. */
export const utilitySceneIds = ['greeting', 'consumption', 'cost', 'similar', 'tips', 'due', 'close'] as const;
export type UtilitySceneId = (typeof utilitySceneIds)[number];

declare module '../../scene-ids' {
	interface TemplateScenes {
		'utility-bill': UtilitySceneId;
	}
}
