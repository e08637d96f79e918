export {narrationOf, type SceneNarration} from './narration';
export {spokenDate, spokenDigits, spokenLanguage, spokenMoney, spokenNumber, spokenPercent, type SpokenLanguage} from './spoken-numbers';
export {speakText, spokenContext, type SpokenContext} from './spoken-text';
