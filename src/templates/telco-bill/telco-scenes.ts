/** The scenes this template may play, in order; its timeline leaves out a scene the bill has no data for. */
export const telcoSceneIds = ['greeting', 'total', 'breakdown', 'usage', 'due', 'close'] as const;
export type TelcoSceneId = (typeof telcoSceneIds)[number];

declare module '../../scene-ids' {
	interface TemplateScenes {
		'telco-bill': TelcoSceneId;
	}
}
