import type {Locator} from 'playwright-core';
import {wordsSplitAcrossLines} from './split-words';

/** The words of the elements' own text that the browser split across two lines (크레/딧): a line should break between words. */
export const brokenWords = (elements: Locator): Promise<string[]> => elements.evaluateAll(wordsSplitAcrossLines);
