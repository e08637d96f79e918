import {registerRoot} from 'remotion';
import {EMOJI_FONT_FACE} from '../src/font-family';
import {RemotionRoot} from './root';

// The render page and Studio have no stylesheet of their own; the watch page and the player declare the face themselves.
document.head.append(Object.assign(document.createElement('style'), {textContent: EMOJI_FONT_FACE}));
registerRoot(RemotionRoot);
