import type {RenderStore} from '../renders/render-store';
import type {CampaignCounters} from './campaign-counters';

/**
 * A render store that counts each render it marks completed as produced in its campaign: every way a render finishes
 * goes through `markCompleted`, and it answers a record only when the render really moved to completed. One count per
 * render, not per file (its MP4, poster, narration), and none for a render in no campaign: see campaign-counters.ts.
 */
export const countingProduced = (store: RenderStore, counters: CampaignCounters): RenderStore => ({
	...store,
	async markCompleted(id, output) {
		const completed = await store.markCompleted(id, output);
		if (completed) await counters.produced(completed);
		return completed;
	},
});
