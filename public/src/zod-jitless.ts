import {config} from 'zod';

/**
 * Imported first by the player: zod decides at schema definition whether to compile parsers with `new Function`, and
 * its probe alone is reported by the watch page's CSP (no 'unsafe-eval'). Interpreted parsing is fast enough here.
 */
config({jitless: true});
