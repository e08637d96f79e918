/** The scenes of each template, in the order they play; a template leaves out a scene its bill has no data for. */
export const telcoSceneIds = ['greeting', 'total', 'breakdown', 'usage', 'due', 'close'] as const;
export const utilitySceneIds = ['greeting', 'consumption', 'cost', 'similar', 'tips', 'due', 'close'] as const;
export const reminderSceneIds = ['greeting', 'overdue', 'next', 'plan', 'options', 'close'] as const;

export type TelcoSceneId = (typeof telcoSceneIds)[number];
export type UtilitySceneId = (typeof utilitySceneIds)[number];
export type ReminderSceneId = (typeof reminderSceneIds)[number];
export type SceneId = TelcoSceneId | UtilitySceneId | ReminderSceneId;

/** Every scene of every template, once. */
export const allSceneIds = [...new Set<SceneId>([...telcoSceneIds, ...utilitySceneIds, ...reminderSceneIds])] as [SceneId, ...SceneId[]];
