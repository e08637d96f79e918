import {stat} from 'node:fs/promises';
import {ARTIFACT_FILES, ARTIFACT_TYPES, artifactKey, artifactPath, type ArtifactName} from '../renders/render-paths';
import type {RenderStorage} from '../storage/render-storage';

/**
 * Uploads every file a render left in its local work folder (laid out as the renders folder is) to render storage,
 * but those `stored` already. The record is marked completed only after this, so no reader sees a missing file.
 */
export const uploadRenderOutputs = async ({
	storage,
	workDir,
	renderId,
	stored,
}: {
	storage: RenderStorage;
	workDir: string;
	renderId: string;
	stored: readonly ArtifactName[];
}): Promise<void> => {
	const names = (Object.keys(ARTIFACT_FILES) as ArtifactName[]).filter((name) => !stored.includes(name));
	const present = await Promise.all(names.map((name) => stat(artifactPath(workDir, renderId, name)).then(() => true, () => false)));
	const uploaded = names.filter((_, index) => present[index]);
	await Promise.all(uploaded.map((name) => storage.putFile(artifactKey(renderId, name), artifactPath(workDir, renderId, name), ARTIFACT_TYPES[name])));
};
