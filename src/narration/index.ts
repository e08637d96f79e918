export {buttonSentence, narrationOf, type SceneNarration} from './narration';
export {spokenDate, spokenDigits, spokenLanguage, spokenMoney, spokenNumber, spokenPercent, type SpokenLanguage} from './spoken-numbers';
export {speakText, spokenContext, type SpokenContext} from './spoken-text';
export {
	secondsForSpeech,
	sentencesOnVideoClock,
	SPEECH_LEAD_IN_MS,
	SPEECH_TAIL_MS,
	type SceneSpeech,
	type SentenceTiming,
	type VideoNarration,
} from './speech-timing';
export {videoNarrationSchema} from './narration-schema';
