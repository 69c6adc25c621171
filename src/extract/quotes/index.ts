export { attributeQuotes } from './attributeQuotes.js';
export type { AttributedQuote, NameSpan, QuoteSpeaker, SpeakerForm } from './types.js';
