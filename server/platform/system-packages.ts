import {spawnSync} from 'node:child_process';
import {MissingSystemPackagesError} from './errors';

const isInstalled = (pkg: string): boolean => {
	const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], {encoding: 'utf8'});
	return result.status === 0 && result.stdout.includes('install ok installed');
};

const hasCommand = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** Debian packages the renderer needs: a browser and the fonts that keep Korean text and emoji from showing boxes. */
export const RENDER_PACKAGES = ['chromium-headless-shell', 'fonts-noto-cjk', 'fonts-noto-color-emoji'] as const;

/**
 * Debian packages narration speaks and mixes with: Festival with its US English HTS and Italian voices, espeak-ng (the
 * only offline engine with Korean), and ffmpeg for the mix (Remotion's own build lacks the sidechaincompress ducking and the ebur128 meter).
 */
export const VOICE_PACKAGES = ['festival', 'festvox-us-slt-hts', 'festvox-itapc16k', 'festvox-italp16k', 'espeak-ng', 'ffmpeg'] as const;

/**
 * Installs what is missing with apt-get when running as root on Debian; otherwise throws one error that names every
 * missing package and the command that installs them.
 */
export const ensureSystemPackages = ({
	packages,
	log = (line) => console.log(line),
}: {
	packages: readonly string[];
	log?: (line: string) => void;
}): void => {
	if (!hasCommand('dpkg-query')) {
		log(`Not a Debian system: make sure these are installed: ${packages.join(', ')}.`);
		return;
	}
	const missing = packages.filter((pkg) => !isInstalled(pkg));
	if (missing.length === 0) return;
	const isRoot = process.getuid?.() === 0;
	if (!isRoot || !hasCommand('apt-get')) throw new MissingSystemPackagesError(missing);
	log(`Installing Debian packages: ${missing.join(' ')} (apt-get, as root)...`);
	const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
	const update = spawnSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env});
	const install = update.status === 0
		? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {stdio: 'inherit', env})
		: update;
	const stillMissing = missing.filter((pkg) => !isInstalled(pkg));
	if (install.status !== 0 || stillMissing.length > 0) throw new MissingSystemPackagesError(stillMissing.length > 0 ? stillMissing : missing);
};
