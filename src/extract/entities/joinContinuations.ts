import { genderOfFirstName } from '../knowledge/firstNames.js';
import { PAIR_CONFIDENCE } from './findFirstNamePairs.js';
import { knownOrganization, lookupKnown } from '../knowledge/knowledgeBase.js';
import { CORPORATE_SUFFIXES, ORGANIZATION_NAME_HEADS, PEER_NAME } from './lexicon.js';
import { lookupPlace } from './placeGazetteer.js';
import { ORG_HEAD_CONFIDENCE, type NerMention } from './mention.js';

/** A name's last word is an initial: "J. R.", "George W.". */
const ENDS_ON_INITIAL = /(?:^|\s)\p{Lu}\.$/u;

/**
 * Joins NER spans that are one name NER cut in two: two names one space apart that together are
 * an organization the knowledge base knows ("New" + "Labour"); a span opening with "and" or "of" right after
 * another is the rest of that name ("University of the Highlands" + "and Islands"; opening with it
 * anywhere else, it is no name); a body's name and what it is for or of; a first name and the name
 * NER started again after it; a name and a surname opening with its particle; a name and the
 * words after it that NER left out (see `grownOver`).
 */
export function joinContinuations(text: string, ner: readonly NerMention[]): NerMention[] {
  const out: NerMention[] = [];
  /** The end of a span grown over the NER span after it. */
  let skipUntil = 0;
  for (const span of ner) {
    if (span.start < skipUntil) continue;
    const m = grownOver(text, span);
    if (m !== span) skipUntil = m.end;
    // "Crypto.com" + "Arena": a name that opens with a web address goes on after it.
    const site = out[out.length - 1];
    if (site && DOMAIN_END.test(site.text) && text.slice(site.end, m.start) === ' ' && /^\p{Lu}/u.test(m.text)) {
      out[out.length - 1] = joined(text, site, m);
      continue;
    }
    // "Amazon" + "River", "Lake" + "Tanganyika": a place's name and its geographic head word,
    // which NER read as two places, are one place.
    if (
      site &&
      site.type === 'LOC' &&
      m.type === 'LOC' &&
      text.slice(site.end, m.start) === ' ' &&
      (GEOGRAPHIC_HEADS.has(m.text) || GEOGRAPHIC_OPENERS.has(site.text)) &&
      /^\p{Lu}/u.test(site.text) &&
      /^\p{Lu}/u.test(m.text)
    ) {
      out[out.length - 1] = { ...joined(text, site, m), confidence: Math.max(site.confidence, m.confidence) };
      continue;
    }
    // "Shanghai" + "Jiao Tong University", "Goma" + "Volcano Observatory", "Sri Lanka" + "Banks
    // Association": a place's name just before a school's, an observatory's or an association's
    // name NER started after it, whose first word is no name of its own, opens that name.
    if (
      site &&
      site.type === 'LOC' &&
      m.type === 'ORG' &&
      text.slice(site.end, m.start) === ' ' &&
      PLACE_BOUND_HEADS.has(m.text.slice(m.text.lastIndexOf(' ') + 1)) &&
      m.text.includes(' ') &&
      lookupKnown(m.text.slice(0, m.text.indexOf(' '))).length === 0 &&
      lookupKnown(m.text).length === 0
    ) {
      out[out.length - 1] = { ...joined(text, site, m), type: 'ORG', confidence: m.confidence };
      continue;
    }
    // "New" + "Labour", "Standard" + "Chartered": two names one space apart that together are
    // an organization the knowledge base knows (and does not mark ambiguous) are that one name.
    if (
      site &&
      text.slice(site.end, m.start) === ' ' &&
      (site.type === 'ORG' || m.type === 'ORG') &&
      knownOrganization(text.slice(site.start, m.end)) !== undefined
    ) {
      out[out.length - 1] = { ...joined(text, site, m), type: 'ORG', confidence: Math.max(site.confidence, m.confidence) };
      continue;
    }
    // "National League" + "for" + "Democracy": a body's name ending in its head noun, "for" (or
    // "of", "on") and another name are one name ("Council for Transport Safety", "European Court
    // of Human Rights"); not "ICM for BBC News", a poll for a client, nor a name the knowledge
    // base knows after it.
    // (NER may doubt the body's name as another type: "Max Planck Institute" + "for Astronomy".)
    const last = out[out.length - 1];
    if (
      (last?.type === 'ORG' || (last !== undefined && last.confidence < DOUBTED)) &&
      m.type === 'ORG' &&
      JOINED_BY.has(text.slice(last.end, m.start)) &&
      ORGANIZATION_NAME_HEADS.has(last.text.slice(last.text.lastIndexOf(' ') + 1)) &&
      lookupKnown(m.text).every((k) => k.entry.kind === 'COMMON')
    ) {
      // The body's name, which NER was sure of, is the evidence; what names its purpose is often a
      // common word NER doubts. Where NER doubted the body's name too, its head noun is.
      out[out.length - 1] = { ...joined(text, last, m), type: 'ORG', confidence: last.type === 'ORG' ? last.confidence : ORG_HEAD_CONFIDENCE };
      continue;
    }
    // "Leonardo" + "DiCaprio": a first name alone, then a name NER started again, is one person;
    // so is a first name NER doubted as something else ("Trent" + "Alexander-Arnold").
    if (
      (last?.type === 'PER' || (last !== undefined && last.confidence < DOUBTED)) &&
      m.type === 'PER' &&
      text.slice(last.end, m.start) === ' ' &&
      /^\p{Lu}\p{Ll}+$/u.test(last.text) &&
      genderOfFirstName(last.text) !== null &&
      /^\p{Lu}/u.test(m.text)
    ) {
      // A first name the list knows and a surname are evidence of their own, as a pair NER did not see at all is.
      out[out.length - 1] = { ...joined(text, last, m), type: 'PER', confidence: Math.max(last.confidence, m.confidence, PAIR_CONFIDENCE) };
      continue;
    }
    // "Marie Salomea" + "Skłodowska-Curie": a first name and a middle name, then one more word
    // NER started again, are one person (two people's names never meet without a comma or "and").
    if (
      last?.type === 'PER' &&
      m.type === 'PER' &&
      text.slice(last.end, m.start) === ' ' &&
      FIRST_AND_MIDDLE.test(last.text) &&
      genderOfFirstName(last.text.slice(0, last.text.indexOf(' '))) !== null &&
      ONE_WORD_NAME.test(m.text)
    ) {
      out[out.length - 1] = joined(text, last, m);
      continue;
    }
    // "J. R." + "R. Tolkien": a person's name that ends on an initial goes on in the next one.
    if (last?.type === 'PER' && m.type === 'PER' && text.slice(last.end, m.start) === ' ' && ENDS_ON_INITIAL.test(last.text)) {
      out[out.length - 1] = joined(text, last, m);
      continue;
    }
    // "Allen" + "& Unwin", "Marks" + "& Spencer": a name, then one opening with an ampersand, is a firm's.
    if (
      (last?.type === 'PER' || last?.type === 'ORG') &&
      m.type === 'ORG' &&
      m.start === last.end + 1 &&
      text[last.end] === ' ' &&
      /^& \p{Lu}/u.test(m.text) &&
      /^\p{Lu}/u.test(last.text) &&
      lookupKnown(last.text).every((k) => k.entry.kind === 'ORGANIZATION')
    ) {
      out[out.length - 1] = { ...joined(text, last, m), type: 'ORG', confidence: Math.max(last.confidence, m.confidence) };
      continue;
    }
    // "Luiz Inacio Lula" + "da Silva": a person's name, then a surname opening with its particle, is one name.
    if (last?.type === 'PER' && m.type === 'PER' && text.slice(last.end, m.start) === ' ' && SURNAME_PARTICLE.test(m.text)) {
      out[out.length - 1] = joined(text, last, m);
      continue;
    }
    // "Gabriel José" + "de la" + "Concordia García Márquez": a person's given names, a Romance
    // particle and a name NER doubted (or saw as a person's) are one person's name.
    if (
      last?.type === 'PER' &&
      (m.type === 'PER' || m.confidence < DOUBTED) &&
      ROMANCE_PARTICLE.test(text.slice(last.end, m.start)) &&
      /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*$/u.test(m.text)
    ) {
      out[out.length - 1] = joined(text, last, m);
      continue;
    }
    // "Estádio" + "do" + "Dragão", "Banco" + "do" + "Brasil": a Romance particle between two names of
    // one type (not people's: "Paulo" and "de Souza" are the surname rule's) joins them.
    if (last !== undefined && last.type === m.type && m.type !== 'PER' && ROMANCE_PARTICLE.test(text.slice(last.end, m.start))) {
      out[out.length - 1] = joined(text, last, m);
      continue;
    }
    // "Amazon" + "Web Services": a name right before a company's name that NER started at its
    // middle (ending in a company's suffix) is the start of it; not a country's ("UK Energy Group").
    if (
      last !== undefined &&
      last.type !== 'PER' &&
      text.slice(last.end, m.start) === ' ' &&
      m.text.includes(' ') &&
      CORPORATE_SUFFIXES.has(m.text.slice(m.text.lastIndexOf(' ') + 1)) &&
      !lookupPlace(last.text)?.country
    ) {
      out[out.length - 1] = { ...joined(text, last, m), type: 'ORG' };
      continue;
    }
    // "Broad Institute of" + "MIT": a name NER ended on its joining word goes on in the next.
    // ("Lord Callaghan of" + "Cardiff" is a peer and the place of his title: two names.)
    if (last !== undefined && last.type !== 'PER' && / (?:of|for)$/.test(last.text) && text.slice(last.end, m.start) === ' ' && /^\p{Lu}/u.test(m.text)) {
      if (PEER_NAME.test(last.text)) {
        const end = last.end - (last.text.endsWith(' of') ? 3 : 4);
        out[out.length - 1] = { ...last, type: 'PER', end, text: text.slice(last.start, end) };
        out.push(m);
      } else out[out.length - 1] = joined(text, last, m);
      continue;
    }
    if (!CONTINUATION.test(m.text)) {
      out.push(m);
      continue;
    }
    const previous = out[out.length - 1];
    if (previous && previous.type !== 'PER' && /^ $/.test(text.slice(previous.end, m.start)))
      out[out.length - 1] = { ...joined(text, previous, m), confidence: Math.min(previous.confidence, m.confidence) };
  }
  return out;
}

/**
 * The span grown over the words after it that are part of its name: a web address's domain
 * ("Crypto" + ".com", a company's or its site's name), a prize's field ("Nobel Prize" + " in
 * Literature"), a sea's or a region's head word after a nationality word ("English" + " Channel",
 * the place's name, not a mention of the nation), a street's or a venue's head word ("Michigan"
 * + " Avenue"), a ruler's or a saint's epithet after a given
 * name ("William" + " the Conqueror", "Peter" + " the Great"); else the span itself.
 */
function grownOver(text: string, span: NerMention): NerMention {
  // Each growth opens with a dot (a domain) or a space and a word of its own: most names are
  // followed by neither, which two characters tell.
  const next = text.charCodeAt(span.end);
  if (next === DOT) {
    const domain = DOMAIN_AFTER.exec(text.slice(span.end, span.end + 8));
    return domain ? grown(text, span, domain[0].length, 'ORG') : span;
  }
  if (next !== SPACE) return span;
  const opening = text.charCodeAt(span.end + 1);
  const field = opening === LOWER_I && PRIZE_END.test(span.text) ? PRIZE_FIELD_AFTER.exec(text.slice(span.end, span.end + 40)) : null;
  if (field) return grown(text, span, field[0].length, span.type);
  if (opening < UPPER_A || opening > UPPER_Z) {
    const epithet = opening === LOWER_T && /^\p{Lu}\p{Ll}+$/u.test(span.text) ? EPITHET_AFTER.exec(text.slice(span.end, span.end + 16)) : null;
    // The epithet is evidence of its own, as a first name and a surname are.
    if (epithet && (span.type === 'PER' || genderOfFirstName(span.text) !== null))
      return { ...grown(text, span, epithet[0].length, 'PER'), confidence: Math.max(span.confidence, PAIR_CONFIDENCE) };
    return span;
  }
  const feature = FEATURE_AFTER.exec(text.slice(span.end, span.end + 12));
  if (feature && lookupPlace(span.text)?.demonym) return grown(text, span, feature[0].length, 'LOC');
  // "Michigan" + " Avenue": a street's, a station's or a bridge's name NER cut before its head.
  const structure = span.type !== 'MISC' ? STRUCTURE_AFTER.exec(text.slice(span.end, span.end + 12)) : null;
  if (structure) return grown(text, span, structure[0].length, 'LOC');
  return span;
}

const DOT = 0x2e;
const SPACE = 0x20;
const LOWER_I = 0x69;
const LOWER_T = 0x74;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;

function grown(text: string, span: NerMention, by: number, type: NerMention['type']): NerMention {
  return { ...span, type, end: span.end + by, text: text.slice(span.start, span.end + by) };
}

/** `first` and `second` as one span of `first`'s type, as sure as the surer of the two. */
function joined(text: string, first: NerMention, second: NerMention): NerMention {
  return { ...first, end: second.end, text: text.slice(first.start, second.end), confidence: Math.max(first.confidence, second.confidence) };
}

/** A web address's domain just after a name: "Crypto.com", "Booking.com". */
const DOMAIN_AFTER = /^\.(?:com|net|org|io|ai|co\.uk)(?![\p{L}\p{N}])/u;
/** A prize's name, and its field after it: "Nobel Prize" + " in Physiology or Medicine". */
const PRIZE_END = /\b(?:Prize|Award|Medal)$/;
const PRIZE_FIELD_AFTER = /^ in (?:\p{Lu}\p{Ll}+)(?: (?:or|and) \p{Lu}\p{Ll}+| \p{Lu}\p{Ll}+)?(?![\p{L}\p{N}])/u;
/** Last words of the names of institutions and associations often named after their town or country: "Shanghai Jiao Tong University". */
const PLACE_BOUND_HEADS = new Set([
  'University',
  'College',
  'Polytechnic',
  'Observatory',
  'Institute',
  'Academy',
  'Conservatory',
  'Seminary',
  'Association',
  'Society',
  'Federation',
  'Chamber',
]);
/**
 * Words that end a river's, a lake's, a range's or an island's name: "Amazon River", "Rocky
 * Mountains". (Not "Forest", "Delta" or "Range": "Nottingham Forest", "Atlanta Delta", "Range Rover".)
 */
const GEOGRAPHIC_HEADS = new Set('River Lake Lakes Mountains Mountain Valley Island Islands Desert Falls Canyon Glacier Estuary'.split(' '));
/** Words that open such a name: "Lake Victoria", "Mount Kenya", "River Thames". */
const GEOGRAPHIC_OPENERS = new Set('Lake Mount River Cape Isle Loch'.split(' '));
/** A sea's or a region's head word after a nationality word: "English Channel", "Irish Sea", "French Riviera". */
const FEATURE_AFTER = /^ (?:Channel|Sea|Ocean|Riviera|Alps|Highlands|Peninsula|Basin|Strait|Straits)(?![\p{L}\p{N}])/u;
/** The head word of a street's, a bridge's, a station's or a venue's name. */
const STRUCTURE_AFTER = /^ (?:Street|Road|Avenue|Boulevard|Square|Bridge|Airport|Station|Stadium|Arena)(?![\p{L}\p{N}])/u;
/** An epithet after a given name: "the Conqueror", "the Great", "the Baptist". */
const EPITHET_AFTER =
  /^ the (?:Great|Conqueror|Confessor|Elder|Younger|Terrible|Bold|Magnificent|Wise|Pious|Unready|Navigator|Lawgiver|Venerable|Baptist|Apostle|Evangelist|Lionheart|Liberator|Impaler)(?![\p{L}\p{N}])/u;
const DOMAIN_END = /\.(?:com|net|org|io|ai|co\.uk)$/;

/** What joins a body's name and what it is for or of ("Council for Transport Safety", "European Court of Human Rights"). */
const JOINED_BY = new Set([' for ', ' for the ', ' of ', ' of the ', ' on ']);

/** A lower-case particle opening a surname ("van Dijkstra", "de Silva", "bin Laden"). */
export const SURNAME_PARTICLE = /^(?:van|von|de|der|den|da|di|du|del|della|dos|le|la|ter|ten|bin|ibn|al)\s\p{Lu}/u;

/** Below this NER confidence, a first name's type is doubted enough for the name after it to decide. */
const DOUBTED = 0.5;

/** Two capitalised words: a first name and a middle name. */
const FIRST_AND_MIDDLE = /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u;
/** One capitalised word, or two joined by a hyphen: a surname. */
const ONE_WORD_NAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/** A Romance particle between two words of one name: " do ", " de la ", " dei ". */
const ROMANCE_PARTICLE = /^ (?:de|do|da|dos|das|del|della|dei|di|du|des)(?: la| los| las)? $/;

/** A lower-case joining word opening a NER span. */
const CONTINUATION = /^(?:and|of|for|&)\s/;
