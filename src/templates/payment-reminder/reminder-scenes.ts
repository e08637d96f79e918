/** The scenes this template may play, in order; its timeline leaves out a scene the bill has no data for. */
export const reminderSceneIds = ['greeting', 'overdue', 'next', 'plan', 'options', 'close'] as const;
export type ReminderSceneId = (typeof reminderSceneIds)[number];

declare module '../../scene-ids' {
	interface TemplateScenes {
		'payment-reminder': ReminderSceneId;
	}
}
