export {buttonSentence, narrationOf, type SceneNarration} from './narration';
export {spokenDate, spokenMoney, spokenNumber, spokenPercent, } from './spoken-numbers';
export {speakText, spokenContext, } from './spoken-text';
export {
	secondsForSpeech,
	sentencesOnVideoClock,
	SPEECH_LEAD_IN_MS,
	SPEECH_TAIL_MS,
	type SceneSpeech,
	type SentenceTiming,
	type VideoNarration,
} from './speech-timing';
