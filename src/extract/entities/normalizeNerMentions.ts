import type { EntityKind } from '../types.js';
import { genderOfFirstName } from '../knowledge/firstNames.js';
import { knownOrganization, lookupKnown } from '../knowledge/knowledgeBase.js';
import { decideKind, NAMED_BEST_GROUP_AFTER, opensPlaceName } from './decideKind.js';
import {
  BAND_ROLES,
  COMPANY_NAME_TAILS,
  CLUB_SUFFIXES,
  CORPORATE_SUFFIXES,
  FUNCTION_WORDS,
  HONORIFICS,
  INSTITUTION_PLACES,
  ORGANIZATION_NAME_HEADS,
  PEER_OFFICES,
  PEER_TITLE_WORDS,
  CALENDAR_WORDS,
  COURTESY_TITLE_BEFORE,
  PERSONAL_RELATION,
  ROLES_BODIES_HOLD,
  TITLE_WORDS,
  isRoleHead,
} from './lexicon.js';
import { makeMention, nameKey, ORG_HEAD_CONFIDENCE, workKey, type Mention, type NerMention } from './mention.js';
import { lookupPlace } from './placeGazetteer.js';
import { stripTitles } from './stripTitles.js';
import { isCommonWord } from './isCommonWord.js';
import { kindOfHeadNoun } from './definedKind.js';
import { lastWordOf } from './lastWordOf.js';
import { PAIR_CONFIDENCE } from './findFirstNamePairs.js';
import { joinContinuations, SURNAME_PARTICLE } from './joinContinuations.js';
import { namesACompany } from './namesACompany.js';
import { actsAsTeam, CLAUSE_START, inResults, PLACE_BEFORE, PLURAL_VERB_AFTER, WHERE_BEFORE } from './actsAsTeam.js';
import { findSequels, sequelOf } from './findSequels.js';
import { readRoyalNames } from './readRoyalNames.js';
import { splitAtLineBreaks } from './splitAtLineBreaks.js';
import { namesRelatedPerson } from './findRelatedPeople.js';

/** Articles and determiners, capitalised: no name by themselves. */
const DETERMINERS = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'THE']);

/** Two or three capitalised words, as a person's name is written. */
const PERSON_NAME = /^\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+){1,2}$/u;
/** The words of an office before the rest of its name: "Minister of Trade and ", "President of the ". */
const OFFICE_OF_BEFORE =
  /\b(?:Minister|Secretary|President|Governor|Commissioner|Director|Chairman|Head|Speaker|Chief) (?:of|for)(?: the)?(?: \p{Lu}\p{Ll}+)*(?: and)? $/u;

/**
 * Where a person's name starts in a name NER did not take for a person's: after a title that
 * ends in a role ("Speaker Toomas Savi"), or after the words that end an office's name begun
 * before it ("Industry" of "Minister of Trade and Industry Tungky Ariwibowo"); the name is two
 * or three capitalised words no list knows and no body's or company's word ends. 0 when there
 * is none.
 */
function personAfterTitle(surface: string, before: string): number {
  const space = surface.indexOf(' ');
  if (space < 0) return 0;
  let nameStart: number;
  const stripped = TITLE_WORDS.has(surface.slice(0, space)) ? stripTitles(surface) : null;
  if (stripped && stripped.title !== null) {
    if (stripped.honorific) return 0;
    nameStart = stripped.nameStart;
  } else if (OFFICE_JOINERS.has(lastWordOf(before)) && OFFICE_OF_BEFORE.test(before)) {
    // The name starts after the office's own words ("Trade and Industry", "Foreign Affairs").
    nameStart = 0;
    for (let at = 0; at >= 0 && at < surface.length;) {
      const next = surface.indexOf(' ', at);
      const word = next < 0 ? surface.slice(at) : surface.slice(at, next);
      if (!(TITLE_WORDS.has(word) || OFFICE_WORDS.has(word)) || next < 0) break;
      nameStart = at = next + 1;
    }
    if (nameStart === 0) return 0;
  } else return 0;
  // A title's last word may be a capitalised noun stripTitles left ("Staff" of "Chief of the
  // General Staff Mike Jackson"): the name starts at the first name after it.
  const afterTitle = surface.slice(nameStart).split(' ');
  if (afterTitle.length === 3 && genderOfFirstName(afterTitle[0]!) === null && genderOfFirstName(afterTitle[1]!) !== null)
    nameStart += afterTitle[0]!.length + 1;
  const name = surface.slice(nameStart);
  if (!PERSON_NAME.test(name) || lookupKnown(surface).length > 0 || lookupKnown(name).length > 0) return 0;
  const words = name.split(' ');
  if (words.some((w) => ORGANIZATION_NAME_HEADS.has(w) || COMPANY_NAME_TAILS.has(w) || TITLE_WORDS.has(w) || lookupPlace(w)?.country)) return 0;
  return nameStart;
}

/** Capitalised words of an office's name that are no title words ("Affairs" of "Minister for Foreign Affairs"). */
const OFFICE_WORDS = new Set([
  'Affairs',
  'and',
  'Communications',
  'Planning',
  'Information',
  'Labour',
  'Employment',
  'Welfare',
  'Works',
  'Housing',
  'Science',
  'Technology',
  'Tourism',
  'Commerce',
  'Republic',
  'State',
  'Mines',
  'Water',
  'Resources',
  'Fisheries',
  'Forestry',
  'Youth',
  'Sports',
]);
/** Last words of the names of places and buildings, which a surname may be too: a place NER saw is one ("Alexandra Palace"). */
const LOCATION_TAILS = new Set(
  'Palace Park Hall Square Street Road Bridge Castle Gardens House Tower Centre Center Arena Stadium Station Airport Beach Bay Island Hill Hills Valley Lake River Forest Heights Springs Falls Point Port Harbour Harbor Field Fields Green Common Cross Gate Wood Abbey Lane Avenue Way Place'.split(
    ' ',
  ),
);
/** Courtesy titles, lower-cased as `lastWordOf` gives them. */
const COURTESY_WORDS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'prof']);
/** The relatives of KIN_BEFORE, lower-cased as `lastWordOf` gives them: a cheap test before the pattern. */
const KIN_WORDS = new Set(
  'wife husband son daughter brother sister mother father mum mom dad cousin uncle aunt auntie niece nephew grandson granddaughter grandmother grandfather grandma grandpa granny stepson stepdaughter stepmother stepfather girlfriend boyfriend fiancé fiancée friend widow widower roommate flatmate housemate colleague neighbour neighbor classmate teammate coworker worker'.split(
    ' ',
  ),
);
/** The last word of an office's name begun before a name: "of", "for", "the", "and" (see OFFICE_OF_BEFORE). */
const OFFICE_JOINERS = new Set(['of', 'for', 'the', 'and']);
/** At or above this NER confidence in another kind, a relative's noun before a name does not make it a person ("Arsenal's neighbour Tottenham Hotspur"). */
const WEAK_KIN_NER = 0.75;
/** "fiancé" and "fiancée", which `lastWordOf` (ASCII letters) does not read. */
const FIANCE_BEFORE = /fianc[ée]e?\s+$/;
/**
 * Someone's relative just before a name: after "my", "his", "their" …, or after a possessive
 * when the name opens with a first name the list knows ("Blair's wife Cherie"; not "the group's
 * sister Virgin Atlantic").
 */
function kinBefore(before: string, surface: string): boolean {
  const kin = KIN_BEFORE.exec(before);
  if (kin === null) return false;
  if (kin[1] !== undefined) return true;
  const space = surface.indexOf(' ');
  return genderOfFirstName(space < 0 ? surface : surface.slice(0, space)) !== null;
}
/** Someone's relative or friend, just before a name: "my sister ", "Blair's wife ", "her late husband " (group 1: a possessive determiner). */
const KIN_BEFORE =
  /(?:\b(my|his|her|their|our|your)|['’]s)\s+(?:(?:late|eldest|elder|older|younger|youngest|little|big|baby|twin|best)\s+)?(?:wife|husband|son|daughter|brother|sister|mother|father|mum|mom|dad|cousin|uncle|aunt|auntie|niece|nephew|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|granny|stepson|stepdaughter|stepmother|stepfather|girlfriend|boyfriend|fiancée?|friend|widow|widower|roommate|flatmate|housemate|colleague|neighbou?r|classmate|teammate|co-?worker)\s+$/i;

/**
 * A role only a group has, then a name, just after a name: "Chelsea manager Ann Lee". (Not a
 * possessive, nor roles a person has for another person: "Henman's coach", "Blair spokesman".)
 */
const GROUP_ROLE_AFTER = new RegExp(
  `^\\s+(?:manager|boss|coach|chairman|chairwoman|owner|striker|midfielder|defender|goalkeeper|keeper|winger|captain|${[...BAND_ROLES].join('|')})\\s+\\p{Lu}`,
  'u',
);

/** A programme's people after its name, then a name: "Big Brother winner Nadia Almada", "Top Gear presenter Jeremy Clarkson". */
const SHOW_ROLE_AFTER = /^\s+(?:presenter|co-presenter|host|contestant|housemate|winner|runner-up|actor|actress)\s+\p{Lu}/u;

/** A relative "which" opening a clause just after a name ("Valve, which made"), as after a thing's and not a person's; without the comma it may belong to a noun before ("a shot by X which he tipped over"). */
const WHICH_AFTER = /^, which\b/;

/** A group noun just before a name: "the band Franz Ferdinand", "Italian side Juventus", "rock group U2". */
const GROUP_NOUN_BEFORE = /\b(?:band|group|side|club|team|orchestra|choir)\s+$/;

/**
 * Two names listed before a plural verb at the start of a clause: "Girls Aloud and Scissor
 * Sisters were among the winners". `LISTED_FIRST` follows the first name, `LISTED_SECOND`
 * precedes the second (which `PLURAL_VERB_AFTER` follows).
 */
const LISTED_FIRST = /^\s+and\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:were|are)\b/u;
const LISTED_SECOND = /(?:^|[.!?:;"“‘(\n]\s*)(?:\p{Lu}[\p{L}'’-]*\s+){1,3}and\s+$/u;

/** Confidence of a team read from a line of results. */
const RESULTS_CONFIDENCE = 0.8;

/** Confidence of a name whose kind the words around it decided (`KindDecision.cued`). */
const CUED_CONFIDENCE = 0.7;

/** A possessive and a capitalised number after a name: a title ("Ocean's Twelve"), not a name and a number. */
const NUMBERED_TITLE_AFTER =
  /^[’']s (?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Hundred|Thousand)\b/;

/**
 * A title "of" a place, just before the place: a peer's title and surname ("Lord Nicholls of ",
 * group 2) or a title held of the place ("Duke of ", "Archbishop of ").
 */
const TITLE_OF_BEFORE = new RegExp(
  `(?<![\\p{L}\\d])(?:((?:Duke|Duchess|Earl|Countess|Marquess|Prince|Princess|Archbishop|Bishop|Mayor|Lord Mayor)) of|((?:${PEER_TITLE_WORDS}) \\p{Lu}[\\p{Ll}'’-]+) of) $`,
  'u',
);
/** At or above this NER confidence, a name NER tagged before a possessive is its own, not the start of an institution's name. */
const DOUBTED_OWNER = 0.75;
/** First words of institutions' names that a possessive opens: "King's College", "Guy's Hospital". */
const POSSESSIVE_NAMES_HEAD = new Set([
  'College',
  'School',
  'Hospital',
  'University',
  'Church',
  'Cathedral',
  'Academy',
  'Institute',
  'Infirmary',
  'Theatre',
  'Chapel',
]);
/** A capitalised possessive just before: "King's ", "St Thomas' ", "Queen’s ". */
const POSSESSIVE_OWNER_BEFORE = /(?<![\p{L}\d])(?:St\.? )?\p{Lu}\p{Ll}+(?:['’]s|s['’]) $/u;
/** The endings of nationality and language words. */
const NATIONALITY_ENDING = /(?:ian|ish|ese|ean|ic)$/;
/** A capitalised word no list knows as anything but a name, which may be a given name before a particle. */
function opensParticleName(word: string): boolean {
  return (
    lookupPlace(word) === undefined &&
    lookupKnown(word).length === 0 &&
    !TITLE_WORDS.has(word) &&
    !HONORIFICS.has(word) &&
    !CALENDAR_WORDS.has(word) &&
    !FUNCTION_WORDS.has(word.toLowerCase()) &&
    // (Nor a role, "Striker van Persie", "Critics von Trier".)
    !isRoleHead(word) &&
    !isRoleHead(word.replace(/s$/, '')) &&
    kindOfHeadNoun(word.toLowerCase()) === undefined &&
    // (Nor a nationality word no list knows: "Prussian", "Bavarian", "Flemish".)
    !NATIONALITY_ENDING.test(word)
  );
}

/** A peer's title alone. */
const PEER_TITLE = new RegExp(`^(?:${PEER_TITLE_WORDS})$`);
/** A surname just after a peer's title: " Janner" (not a name that goes on with another capitalised word). */
const PEER_NAME_AFTER = /^ \p{Lu}[\p{Ll}'’-]+(?![\p{L}\d]| \p{Lu})/u;
/** A peer's surname and the place of the title: "Nicholls of Birkenhead". */
const PEER_STYLE = /^\p{Lu}[\p{Ll}'’-]+ of \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?$/u;
/** A peer's title just before: "Lord ", "Baroness ". */
const PEER_BEFORE = new RegExp(`(?<![\\p{L}])(?:${PEER_TITLE_WORDS}) $`, 'u');

/** Whether no mention kept so far reaches back over `from`, so a name may grow back to there. */
function clearBack(out: readonly Mention[], from: number): boolean {
  const previous = out[out.length - 1];
  return !(previous && previous.end > from);
}

/**
 * Where the capitalised word just before `start` begins ("KinderCare " of "KinderCare Learning
 * Centers Inc"): one space before the name, the word opening the text or after white space; -1
 * when there is none. Characters are read in place: the rules that ask run for every mention.
 */
function capitalisedWordBefore(text: string, start: number): number {
  if (text.charCodeAt(start - 1) !== SPACE) return -1;
  let from = start - 1;
  while (from > 0 && isWordChar(text.charCodeAt(from - 1))) from--;
  if (from === start - 1 || (from > 0 && !/\s/.test(text[from - 1]!))) return -1;
  const first = text[from]!;
  return first !== first.toLowerCase() && first === first.toUpperCase() ? from : -1;
}

/** A letter, a digit, or "&", "'", "’", "-" inside a word. */
function isWordChar(c: number): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x26 || c === 0x27 || c === 0x2d || c === 0x2019) return true;
  if (c < 0x80) return false;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** Words that describe a company before its name, capitalised where they open a sentence ("Rival Epic Systems declined"). */
const COMPANY_DESCRIPTIONS = new Set(
  `Rival Rivals Parent Former Troubled Struggling Embattled Ailing Giant Chipmaker Drugmaker Dealer Broker Brewer
   Now Earlier Later Meanwhile Also Today Yesterday Then Still Instead Elsewhere Overall Last Next
   Shares Stocks Analyst Analysts Investor Investors Trader Traders Sources Officials Executives Shareholders`.split(/\s+/),
);

/**
 * A word that may open a company's name NER started after it: not a function or a common word
 * the text also writes in lower case, a day or a month, a title, a place or a nationality, nor
 * a name the knowledge base knows on its own.
 */
function opensCompanyName(text: string, word: string): boolean {
  return (
    !FUNCTION_WORDS.has(word.toLowerCase()) &&
    !CALENDAR_WORDS.has(word) &&
    !TITLE_WORDS.has(word) &&
    !HONORIFICS.has(word) &&
    !isCommonWord(text, word) &&
    !COMPANY_DESCRIPTIONS.has(word) &&
    // (Nor an adverb, "Separately", nor someone's possessive, "Green's Arcadia Group".)
    !word.endsWith('ly') &&
    !/['’]s?$/u.test(word) &&
    kindOfHeadNoun(word.toLowerCase()) === undefined &&
    lookupPlace(word) === undefined &&
    lookupKnown(word).length === 0
  );
}

/** Up to three capitalised words just before a company's suffix, after no possessive: "Tyson " of "Tyson Foods", "LNM " of "Mr Mittal's LNM Holdings". */
const CAPITALISED_WORDS_BEFORE = /(?<![\p{L}\d'’])(?:\p{Lu}[\p{L}&-]*[ \t]+){1,3}$/u;
/** A capitalised word (a first name, the caller checks) and perhaps a first particle, just before a surname's particle: "Lex " of "Lex van Dijkstra", "Ursula von " of "Ursula von der Leyen". */
const FIRST_NAME_AND_PARTICLE_BEFORE = /(\p{Lu}[\p{Ll}'’-]+) (?:(?:von|van|de|di|da|del|bin|ibn) )?$/u;
/** "-based" and a capitalised word inside a name: "Santa Monica-based Activision". */
const BASED_INSIDE = /-based\s+(?=\p{Lu})/u;

/** A number after a name, not a score, a range or a decimal ("4", not "2-1" or "2.4"). */
const NUMBER_AFTER = /^ \d{1,4}(?![\p{L}\p{N}]|[-.,:/]\d)/u;

/** Abbreviations whose final dot belongs to the name. */
const KEEPS_DOT = /(?:\b[A-Z]\.)+$|\b(?:Inc|Corp|Ltd|Co|Jr|Sr)\.$/;

/** Where a sentence (or a quotation, or a heading) starts: capitals there prove nothing. */
const SENTENCE_START = /(?:^|[.!?:;"“‘(\n]\s*|[—–]\s+)$/;

/**
 * Turns NER output into typed candidate mentions: possessives, leading "the" and titles are cut
 * off (a person's title is kept on the mention for the role), places are named by the gazetteer,
 * buildings that stand for institutions become organizations, the kind is decided with the
 * knowledge base (companies, events, awards, products, works; "DVD" is no name at all), and
 * MISC survives only as a nationality word, a known or head-marked kind, or an organization
 * name. A person mention never keeps an organization, place or sentence-opening verb glued to it
 * ("BBC Michael Howard", "Blair Labour", "Vote Blair").
 */
export function normalizeNerMentions(text: string, nerMentions: readonly NerMention[]): Mention[] {
  const ner = readRoyalNames(text, joinContinuations(text, splitAtLineBreaks(nerMentions)));
  const out: Mention[] = [];
  /** Name keys the words around one of their mentions show to be a group (see `namesAGroup`). */
  const groups = new Set<string>();
  /** Name keys (without "The") the words around one of their mentions show to be a work. */
  const works = new Set<string>();
  /** Name keys of places the words around one of their mentions show to be a team (see `actsAsTeam`). */
  const teams = new Set<string>();
  /** Name keys a sentence defines, and the kind it gives them (see `definedKind`). */
  const defined = new Map<string, EntityKind>();
  const sequels = findSequels(text, ner);
  /** The end of a title made of several NER spans: spans inside it are part of it. */
  let skipUntil = 0;
  for (const m of ner) {
    if (m.start < skipUntil) continue;
    let start = m.start;
    let end = m.end;
    // Trim what NER sometimes swallows at the edges, and the possessive ("Russia’s", "Workers'").
    while (end > start && /[\s,;:!?)"”]/.test(text[end - 1]!)) end--;
    if (end - start >= 2 && text.charCodeAt(end - 1) === LOWER_S && isApostrophe(text.charCodeAt(end - 2))) end -= 2;
    else if (end - start >= 2 && isApostrophe(text.charCodeAt(end - 1)) && text.charCodeAt(end - 2) === LOWER_S) end -= 1;
    // A dot the knowledge base writes as part of the name stays ("Calif.", "N.H.").
    while (end > start && text[end - 1] === '.' && !KEEPS_DOT.test(text.slice(start, end)) && lookupKnown(text.slice(start, end)).length === 0) end--;
    // (A dot set apart, as in "Boulder , Colo .", leaves the space before it.)
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    while (start < end && /[\s(“"‘'-]/.test(text[start]!)) start++;
    const the = (text.charCodeAt(start) | 0x20) === LOWER_T ? /^the\s+/i.exec(text.slice(start, end)) : null;
    if (the && m.type !== 'PER') start += the[0].length;
    if (end <= start) continue;
    // A span that ends inside a word is a piece of one ("Ca" of "Can't", cut at the contraction),
    // and one right after "@" is a handle, no name the text uses ("@LondonFire").
    if (INSIDE_WORD_AFTER.test(text.slice(end, end + 3)) || text[start - 1] === '@') continue;
    // "Lex van Dijkstra": NER may start a name at its lower-case particle, leaving out the first
    // name before it, or taking it for a name of its own ("Van" a place); or at the second of two
    // particles ("Ursula von" + "der Leyen").
    if (m.type === 'PER' && SURNAME_PARTICLE.test(text.slice(start, end))) {
      const first = FIRST_NAME_AND_PARTICLE_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
      // (A given name the list does not know opens it too, "Klemens von Metternich", but not a
      // nationality, a place or a title: "Prussian von Blücher" is no one's name.)
      if (first && (genderOfFirstName(first[1]!) !== null || opensParticleName(first[1]!))) {
        start -= first[0].length;
        const previous = out[out.length - 1];
        if (previous && previous.end > start) {
          if (previous.start !== start || previous.end !== start + first[1]!.length) start += first[0].length;
          else out.pop();
        }
      }
    }
    let surface = text.slice(start, end);
    if (!/\p{L}/u.test(surface)) continue;
    // One word without a capital is no name: NER now and then tags a lone "and" between two
    // titles, or "bank" after "Deutsche". (Lower-case bodies of several words stay: "interior ministry".)
    if (!/\p{Lu}/u.test(surface) && !surface.includes(' ')) continue;
    // Nor is an article or a determiner alone, capitalised ("The" of "The Sunday Times", where NER started the name after it).
    if (DETERMINERS.has(surface)) continue;
    // A courtesy title alone is no one's name ("The Professor sent me"), nor is a title word
    // alone that names nothing known ("Shadow" of "Shadow home secretary David Davis").
    if (PERSONAL_TITLES.has(surface) || (m.type !== 'ORG' && TITLE_WORDS.has(surface) && lookupKnown(surface).length === 0)) continue;

    // "Duke of" + "Edinburgh", "Lord Nicholls of" + "Birkenhead": NER may tag only the place
    // of a title; a title held of the place names a person with it (`decideKind` reads a title
    // of a place), a peer's title and surname name the peer.
    if (m.type === 'LOC' && (text.charCodeAt(start - 2) | 0x20) === LOWER_F) {
      const title = TITLE_OF_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
      // ("Lord Provost of" + "Glasgow": an office of a place, no peer.)
      const peer = title && (title[2] === undefined || !PEER_OFFICES.has(title[2].slice(title[2].indexOf(' ') + 1))) ? title : null;
      const previous = out[out.length - 1];
      // (NER may have tagged the title's surname on its own, as anything: "Nicholls" of "Lord Nicholls of".)
      if (peer && previous && previous.start >= start - peer[0].length && previous.end <= start) out.pop();
      if (peer && !(out.length > 0 && out[out.length - 1]!.end > start - peer[0].length)) {
        if (peer[2] !== undefined) {
          // The peer and the place of the title are two names, as where NER tagged both.
          const from = start - peer[0].length;
          splitPerson(text, from, from + peer[2].length, Math.max(m.confidence, CUED_CONFIDENCE), out);
        } else {
          start -= peer[0].length;
          surface = text.slice(start, end);
        }
      }
    }
    // "Lord" + "Janner": NER may tag a peer's title alone (even as a place); the capitalised word
    // after it is the peer's name, and without one the title names no one.
    if (surface.length <= 9 && PEER_TITLE.test(surface)) {
      const name = PEER_NAME_AFTER.exec(text.slice(end, end + 30));
      if (name === null) continue;
      end += name[0].length;
      skipUntil = end;
      // ("Lord Chancellor", "Lord Provost": an office, whose holder `decideKind` reads by the title.)
      if (PEER_OFFICES.has(name[0].slice(1))) surface = text.slice(start, end);
      else {
        splitPerson(text, start, end, Math.max(m.confidence, CUED_CONFIDENCE), out);
        continue;
      }
    }
    // "King's" + "College London", "St Thomas'" + "Hospital": a possessive that opens an
    // institution's name is part of it, though NER cut the name after it.
    if (
      (POSSESSIVE_NAMES_HEAD.has(surface.slice(0, surface.indexOf(' ') >>> 0)) || POSSESSIVE_NAMES_HEAD.has(surface.slice(surface.lastIndexOf(' ') + 1))) &&
      (isApostrophe(text.charCodeAt(start - 2)) || isApostrophe(text.charCodeAt(start - 3)))
    ) {
      const found = POSSESSIVE_OWNER_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
      // Not a place's, a body's or a person's possessive ("London's University College Hospital",
      // "Harvard's Kennedy School", "Blair's Church of England links"): an owner NER was sure of,
      // or one the gazetteer or the knowledge base knows, is a name of its own.
      const ownerName = found ? found[0].replace(/(?:['’]s|['’]) $/u, '') : '';
      const previous = out[out.length - 1];
      const tagged = found !== null && previous !== undefined && previous.start >= start - found[0].length && previous.end < start;
      const owner =
        found && !(tagged && previous.confidence >= DOUBTED_OWNER) && lookupPlace(ownerName) === undefined && lookupKnown(ownerName).length === 0
          ? found
          : null;
      // (NER may have tagged the owner on its own, unsure: "St Thomas" of "St Thomas' Hospital".)
      if (owner && tagged) out.pop();
      if (owner && !(out.length > 0 && out[out.length - 1]!.end > start - owner[0].length)) {
        start -= owner[0].length;
        surface = text.slice(start, end);
      }
    }
    // "Lord" + "Nicholls of Birkenhead": a peer's title NER left out, before a surname and the
    // place of the title: the peer and the place.
    const peerTitle =
      surface.includes(' of ') && PEER_STYLE.test(surface) && !PEER_OFFICES.has(surface.slice(0, surface.indexOf(' ')))
        ? PEER_BEFORE.exec(text.slice(Math.max(0, start - 12), start))
        : null;
    if (peerTitle) {
      const from = start - peerTitle[0].length;
      if (clearBack(out, from)) {
        // The peer and the place of the title are two names ("Lord Nicholls", "Birkenhead").
        const of = surface.indexOf(' of ');
        splitPerson(text, from, start + of, Math.max(m.confidence, CUED_CONFIDENCE), out);
        const place = text.slice(start + of + 4, end);
        out.push(makeMention(start + of + 4, end, place, 'PLACE', lookupPlace(place)?.place ?? place, m.confidence, 'ner', lookupPlace(place)?.id));
        continue;
      }
    }
    // "Age" + "Concern", "Agence" + "France Presse": a capitalised word NER left out before a
    // name, with which it is an organization the knowledge base knows.
    {
      const from = m.type === 'ORG' || m.type === 'MISC' ? capitalisedWordBefore(text, start) : -1;
      if (from >= 0 && clearBack(out, from) && knownOrganization(text.slice(from, end)) !== undefined) {
        start = from;
        surface = text.slice(start, end);
      }
    }
    // "KinderCare" + "Learning Centers Inc": NER may leave out the first word of a company's
    // name it never saw, most often where the name opens a sentence.
    if (surface.includes(' ') && CORPORATE_SUFFIXES.has(surface.slice(surface.lastIndexOf(' ') + 1))) {
      const from = capitalisedWordBefore(text, start);
      if (from >= 0 && clearBack(out, from) && opensCompanyName(text, text.slice(from, start - 1))) {
        start = from;
        surface = text.slice(start, end);
      }
    }
    const place = lookupPlace(surface);
    const before = text.slice(Math.max(0, start - 30), start);
    // A region, state or city NER calls an organization is usually a team or a body named after
    // it ("Yorkshire", "Toronto"); a country or a nationality word is the place. A city (or a
    // place NER found that the knowledge base does not know) is a team whatever NER called it in
    // a line of results ("Nice 1 Lens 2") or opening a clause with a plural verb or "their" ("St
    // Helens completed their first double"), and so are its other mentions in the article.
    const team = (place === undefined ? m.type === 'LOC' : !place.country && !place.demonym) && (inResults(text, start, end) || actsAsTeam(text, end, before));
    // Only a place is "in Kent" or "near Leeds", whatever NER called it (CoNLL's teams named after
    // their county or city teach it to call many of them bodies), and so is a region after a town
    // and its comma ("Hinckley, Leicestershire"); not "in Essex's history", the club's. The name's
    // other mentions keep NER's word: a story may speak of the town and of its team ("Milwaukee
    // has won 10 of its last 12" after a game in Milwaukee).
    const townBefore = out[out.length - 1];
    const where =
      place !== undefined &&
      !team &&
      m.type === 'ORG' &&
      !place.country &&
      !place.demonym &&
      (WHERE_BEFORE.test(before) || (!place.ambiguous && townBefore?.type === 'PLACE' && text.slice(townBefore.end, start) === ', ')) &&
      !/^ ?[’']s\b/.test(text.slice(end, end + 4));
    const overrules = place !== undefined && !team && (place.demonym || place.country || m.type !== 'ORG' || where);
    // A place the gazetteer knows but marks ambiguous is one when NER says so, or when its first
    // word opens no person's name ("University of California, Santa Cruz").
    if (place && overrules && (!place.ambiguous || m.type === 'LOC' || where || opensPlaceName(surface))) {
      out.push(makeMention(start, end, surface, 'PLACE', place.place, Math.max(m.confidence, 0.9), 'ner', place.id, place.demonym ? 'DEMONYM' : undefined));
      continue;
    }
    if (team) {
      out.push(makeMention(start, end, surface, 'ORGANIZATION', surface, Math.max(m.confidence, RESULTS_CONFIDENCE), 'ner'));
      teams.add(nameKey(surface));
      continue;
    }
    if (INSTITUTION_PLACES.has(surface)) {
      const known = lookupKnown(surface).find((k) => k.entry.kind === 'ORGANIZATION')?.entry.id;
      out.push(makeMention(start, end, surface, 'ORGANIZATION', surface, Math.max(m.confidence, 0.85), 'ner', known || undefined));
      continue;
    }
    // "Speaker Toomas Savi", "Minister of Trade and Industry Tungky Ariwibowo": NER may read a
    // title, or the last words of one, and a person's name as one body's or place's name.
    if (m.type !== 'PER') {
      const nameStart = personAfterTitle(surface, before);
      if (nameStart > 0) {
        // (Where the name starts where stripTitles says, splitPerson keeps the title as the role.)
        const stripped = stripTitles(surface);
        if (stripped.title !== null && stripped.nameStart === nameStart) splitPerson(text, start, end, Math.max(m.confidence, CUED_CONFIDENCE), out);
        else
          out.push(
            makeMention(start + nameStart, end, surface.slice(nameStart), 'PERSON', surface.slice(nameStart), Math.max(m.confidence, CUED_CONFIDENCE), 'ner'),
          );
        continue;
      }
    }
    // "Spain's Feliciano Lopez", "Taylor Swift": a first name and a surname NER doubted as an
    // organization or as some other name are a person; in a MISC name NER saw no person at all,
    // so the pair is the evidence, as for a pair it did not see. (Not a title, in quotation marks
    // or after "The": "best known for \"Viva Zapata\"", "The Wright Stuff".)
    // (A place's name no list knows too: "said Swedish trades union official Ulf Carlsson".) After
    // a role's noun only people hold ("backbench Labour MP Karen Buck"; not "shareholder") the
    // role is evidence too, however unsure NER was.
    if (
      (m.type === 'ORG' ||
        (m.type === 'LOC' && place === undefined && !LOCATION_TAILS.has(surface.slice(surface.lastIndexOf(' ') + 1))) ||
        (m.type === 'MISC' && !the && !QUOTED_BEFORE.test(before))) &&
      m.confidence < DOUBTED_ORG &&
      personLike(text, surface)
    ) {
      const cue = lastWordOf(before);
      const cued = isRoleHead(cue) && !ROLES_BODIES_HOLD.has(cue);
      splitPerson(
        text,
        start,
        end,
        cued ? Math.max(m.confidence, CUED_CONFIDENCE) : m.type === 'MISC' ? Math.max(m.confidence, PAIR_CONFIDENCE) : m.confidence,
        out,
      );
      continue;
    }
    // "Lib Dem Norman Baker", "BBC Michael Howard" read as one organization: a party or body the
    // knowledge base knows, then such a pair; the body is a mention of its own. The body and the
    // pair are evidence enough unless NER was all but certain (it gave "Liberal Democrat Paul
    // Tyler" 0.60).
    if ((m.type === 'ORG' || m.type === 'MISC') && m.confidence < SURE_ORG && knownBodyThenPerson(text, surface)) {
      splitPerson(text, start, end, Math.max(m.confidence, PAIR_CONFIDENCE), out);
      continue;
    }
    // "Liberal" + "Democrat David Laws": NER may leave out the first word of the body's name.
    if ((m.type === 'ORG' || m.type === 'MISC') && m.confidence < DOUBTED_ORG) {
      const from = capitalisedWordBefore(text, start);
      if (from >= 0 && clearBack(out, from) && knownBodyThenPerson(text, text.slice(from, end))) {
        splitPerson(text, from, end, Math.max(m.confidence, PAIR_CONFIDENCE), out);
        continue;
      }
    }
    // "Chancellor of the Exchequer Gordon Brown" read as an organization: a title, then a name
    // that opens with a known first name, is a person (the title and first name are evidence
    // enough, however unsure NER was of the type).
    if (m.type !== 'PER' && titledPerson(surface, NAME_GOES_ON.test(text.slice(end, end + 2)))) {
      splitPerson(text, start, end, Math.max(m.confidence, CUED_CONFIDENCE), out);
      continue;
    }
    // "Federal Aviation Administration Director Branko Petrovic", "Chicago Cardinal Joseph
    // Harlan": a body or a place, then such a person, read as one name. The body or place is a
    // mention of its own.
    const titled = m.type !== 'PER' ? titledPersonAfter(surface) : 0;
    if (titled > 0) {
      const head = surface.slice(0, titled).trimEnd();
      const known = lookupPlace(head);
      if (known) out.push(makeMention(start, start + head.length, head, 'PLACE', known.place, Math.max(m.confidence, 0.9), 'ner', known.id));
      else out.push(makeMention(start, start + head.length, head, 'ORGANIZATION', head, Math.max(m.confidence, ORG_HEAD_CONFIDENCE), 'ner'));
      splitPerson(text, start + titled, end, Math.max(m.confidence, CUED_CONFIDENCE), out);
      continue;
    }
    // "Foods" of "Tyson Foods", read as a person: a company's (or a club's) suffix alone is the
    // end of the company's name, which starts at the capitalised words before it ("Sporting CP").
    const head =
      CORPORATE_SUFFIXES.has(surface) || CLUB_SUFFIXES.has(surface) ? CAPITALISED_WORDS_BEFORE.exec(text.slice(Math.max(0, start - 40), start)) : null;
    if (head) {
      let from = start - head[0].length;
      const previous = out[out.length - 1];
      if (previous && previous.end > from) {
        from = Math.min(from, previous.start);
        out.pop();
      }
      const company = text.slice(from, end);
      out.push(makeMention(from, end, company, 'ORGANIZATION', company, Math.max(m.confidence, ORG_HEAD_CONFIDENCE), 'ner'));
      continue;
    }
    // "Santa Monica-based Activision": NER may read a company's home and the company as one
    // name. The company is the name; its home is a modifier, no mention of the place.
    const based = BASED_INSIDE.exec(surface);
    if (based) {
      const from = start + based.index + based[0].length;
      const company = text.slice(from, end);
      out.push(makeMention(from, end, company, 'ORGANIZATION', company, Math.max(m.confidence, ORG_HEAD_CONFIDENCE), 'ner'));
      continue;
    }
    // "Channel 4", "PlayStation 2": NER may stop before the number of a name the knowledge base knows with it.
    const number = NUMBER_AFTER.exec(text.slice(end, end + 8));
    if (number && lookupKnown(surface + number[0]).length > 0) {
      end += number[0].length;
      surface = text.slice(start, end);
      skipUntil = end;
    }
    const after = text.slice(end, end + 80);
    // "Ocean's Twelve": a name, its possessive and a capitalised number is a title, whose
    // number NER may have taken for a name of its own; so is a game's or a film's name and its
    // number ("Halo 2"; see `findSequels`).
    const numbered = NUMBERED_TITLE_AFTER.exec(after) ?? (sequels.size > 0 && m.type !== 'PER' ? sequelOf(text, end, surface, sequels) : null);
    if (numbered) {
      end += numbered[0].length;
      surface = text.slice(start, end);
      out.push(makeMention(start, end, surface, 'WORK', surface, Math.max(m.confidence, CUED_CONFIDENCE), 'ner'));
      works.add(workKey(surface));
      skipUntil = end;
      continue;
    }
    const decided = decideKind(surface, before, after, m.type, m.confidence);
    let type = decided.kind;
    let confidence = decided.cued ? Math.max(m.confidence, CUED_CONFIDENCE) : m.confidence;
    if (type === 'WORK' && titleStart(text, start) < start) {
      start = titleStart(text, start);
      surface = text.slice(start, end);
    }
    if (type === 'WORK' && decided.known === null) works.add(workKey(surface));
    if (decided.defined && type !== null && type !== 'WORK') defined.set(nameKey(surface), type);
    // "Nato-Russia Council", "Fiscal Policy Committee": the head noun makes it an organization.
    const last = surface.slice(surface.lastIndexOf(' ') + 1);
    if (decided.known === null && (type === null || type === 'PERSON' || type === 'PLACE') && surface.includes(' ') && ORGANIZATION_NAME_HEADS.has(last)) {
      type = 'ORGANIZATION';
      // The head noun is evidence of its own, whatever NER thought of the type.
      confidence = Math.max(confidence, ORG_HEAD_CONFIDENCE);
    }
    if (type === null) continue;
    // A club's or a band's name is often a person's ("Chelsea", "Franz Ferdinand"): the words
    // around it say which, and say it for the name's other mentions in the article too.
    if (type === 'PERSON' && decided.known === null && namesAGroup(surface, after, before)) {
      type = 'ORGANIZATION';
      groups.add(nameKey(surface));
    }
    // A name NER took for a place the gazetteer does not know may be a business's ("Ohio-based
    // KeyCorp"); "49 percent of X" is as often a share of a country's land.
    if (type === 'PLACE' && place === undefined && decided.known === null && namesACompany(after, before, false)) {
      type = 'ORGANIZATION';
      groups.add(nameKey(surface));
    }
    // "Big Brother winner Nadia Almada", "Top Gear presenter …": no person has a presenter or a
    // winner; a programme does, and so do its other mentions in the article.
    // (A name only its last word made a place, "Quiet Bay", is one too: a place has no presenter.)
    if ((type === 'PERSON' || (type === 'PLACE' && place === undefined)) && decided.known === null && SHOW_ROLE_AFTER.test(after)) {
      type = 'WORK';
      works.add(workKey(surface));
    }
    // "adviser to Putin", "wife of Smith": a lone name after a personal relation is a person.
    if (
      type !== 'PERSON' &&
      decided.known === null &&
      !surface.includes(' ') &&
      PERSONAL_RELATION.test(text.slice(Math.max(0, start - 24), start)) &&
      namesRelatedPerson(text, surface)
    )
      type = 'PERSON';
    // "Mr Tsutsumi", "Dr Albrend": a name NER read as something else, or doubted, right after a
    // courtesy title is a person's (the title is outside the span, so `titledPerson` never saw it).
    const cueWord = (type !== 'PERSON' || confidence < CUED_CONFIDENCE) && decided.known === null ? lastWordOf(before) : '';
    if (
      (type !== 'PERSON' || confidence < CUED_CONFIDENCE) &&
      decided.known === null &&
      (COURTESY_WORDS.has(cueWord) || before.endsWith('. ')) &&
      !surface.includes(' ') &&
      COURTESY_TITLE_BEFORE.test(before) &&
      /^\p{Lu}\p{Ll}/u.test(surface)
    ) {
      type = 'PERSON';
      confidence = Math.max(confidence, CUED_CONFIDENCE);
    }
    // "my sister Emma", "Blair's wife Cherie": a name after someone's relative is the relative's.
    if (
      type !== 'PERSON' &&
      m.confidence < WEAK_KIN_NER &&
      (KIN_WORDS.has(cueWord) || FIANCE_BEFORE.test(before)) &&
      kinBefore(text.slice(Math.max(0, start - 40), start), surface) &&
      /^\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}'’-]+){0,2}$/u.test(surface) &&
      !ORGANIZATION_NAME_HEADS.has(surface.slice(surface.lastIndexOf(' ') + 1))
    ) {
      type = 'PERSON';
      // The relation is evidence of its own, as a context word is.
      confidence = Math.max(confidence, CUED_CONFIDENCE);
    }
    if (type !== 'PERSON' || decided.byTitle) {
      // A capitalised common word opening a sentence is not a name by itself ("Vote", "Get").
      if (!surface.includes(' ') && SENTENCE_START.test(text.slice(Math.max(0, start - 3), start)) && decided.known === null && isCommonWord(text, surface))
        continue;
      out.push(makeMention(start, end, surface, type, surface, confidence, 'ner', decided.known ? decided.known.id : undefined));
      continue;
    }
    splitPerson(text, start, end, confidence, out);
  }
  if (works.size > 0) retypeWorks(text, out, works);
  if (defined.size > 0)
    for (const m of out) {
      const kind = defined.get(nameKey(m.text));
      if (kind === undefined || m.known !== undefined || m.form === 'DEMONYM') continue;
      m.firm = true;
      if (m.type === kind) continue;
      m.type = kind;
      m.display = m.text;
      m.title = undefined;
    }
  if (teams.size > 0)
    for (const m of out) {
      // A dateline in capitals ("ST HELENS") is where the story was filed.
      // NER may call the side a person where nothing says it is one ("Fresno's lead").
      const side = m.type === 'PLACE' || (m.type === 'PERSON' && !m.title && lookupPlace(m.text) !== undefined);
      if (!side || m.form === 'DEMONYM' || !teams.has(nameKey(m.text)) || m.text === m.text.toUpperCase() || lookupPlace(m.text)?.country) continue;
      // "in Seattle", "Arlington, Texas": where something is, the place itself.
      if (PLACE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) continue;
      m.type = 'ORGANIZATION';
      m.display = m.text;
      m.known = undefined;
    }
  if (groups.size > 0)
    for (const m of out) {
      if ((m.type !== 'PERSON' && m.type !== 'PLACE') || m.known !== undefined || !groups.has(nameKey(m.text))) continue;
      m.type = 'ORGANIZATION';
      m.display = m.text;
      m.title = undefined;
    }
  return withoutRepeats(out);
}

/**
 * One mention a span: two rules may read the same words from two NER spans ("Lord" + "Rennard",
 * and the speaker the quote stage adds as "Rennard"); the first made, of NER's order, stays.
 */
function withoutRepeats(mentions: Mention[]): Mention[] {
  let repeated = false;
  const seen = new Set<number>();
  for (const m of mentions) {
    const key = m.start * 65_536 + (m.end - m.start);
    if (seen.has(key)) repeated = true;
    seen.add(key);
  }
  if (!repeated) return mentions;
  seen.clear();
  return mentions.filter((m) => {
    const key = m.start * 65_536 + (m.end - m.start);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A work's other mentions in the article, which NER took for an organization or a person with
 * nothing around them to say otherwise ("beating The Aviator"), are the work too, with their
 * capital "The".
 */
function retypeWorks(text: string, out: Mention[], works: ReadonlySet<string>): void {
  for (const m of out) {
    if (m.type === 'WORK' || m.type === 'PLACE' || m.known !== undefined || !works.has(workKey(m.text))) continue;
    m.type = 'WORK';
    m.title = undefined;
    m.start = theStart(text, m.start);
    m.text = text.slice(m.start, m.end);
    m.display = m.text;
  }
}

/**
 * Where a work's title starts: NER often reads only its end ("Time of Cholera" of "Love in the
 * Time of Cholera", "Solitude" of "One Hundred Years of Solitude"), so the title takes in the
 * capitalised words before it and the small words between them, back to a lower-case word, a
 * possessive or punctuation; a capital "The" opening a sentence is the sentence's
 * ("Scorsese's The Aviator" keeps it).
 */
function titleStart(text: string, start: number): number {
  let at = start;
  for (let words = 0; words < MAX_TITLE_WORDS_BEFORE; words++) {
    const word = TITLE_WORD_BEFORE.exec(text.slice(Math.max(0, at - 24), at));
    // (A person's title is no work's: "director of …" made it one.)
    if (!word || TITLE_WORDS.has(word[1]!.trimEnd())) break;
    at -= word[1]!.length;
  }
  // The title opens with a capital.
  while (at < start && !/^\p{Lu}/u.test(text.slice(at, at + 1))) at = text.indexOf(' ', at) + 1;
  return at < start && text.startsWith('The ', at) && SENTENCE_START.test(text.slice(Math.max(0, at - 3), at)) ? theStart(text, start) : at;
}

/**
 * Where another mention of a work starts: with the capital "The" before it inside a sentence
 * ("beating The Aviator"), else at `start` (the words before it are the sentence's: "Mr Brown").
 */
function theStart(text: string, start: number): number {
  const the = /\bThe\s+$/.exec(text.slice(Math.max(0, start - 4), start));
  if (!the) return start;
  const at = start - the[0].length;
  return SENTENCE_START.test(text.slice(Math.max(0, at - 3), at)) ? start : at;
}

/** A capitalised word or a small word of a title, and a space, just before: "Love in the ", "One Hundred Years of ". */
const TITLE_WORD_BEFORE = /(?<![\p{L}\p{N}'’.&-])((?:\p{Lu}\p{L}*|of|the|in|a|an|on) )$/u;
const MAX_TITLE_WORDS_BEFORE = 6;

/** Whether the words just before a name (`surface`, `before`) or after its end (`after`) make it a group's. */
function namesAGroup(surface: string, after: string, before: string): boolean {
  if (GROUP_NOUN_BEFORE.test(before) || GROUP_ROLE_AFTER.test(after) || (after.includes('best') && NAMED_BEST_GROUP_AFTER.test(after))) return true;
  // "tyre giant Castellani", but "insurer Thierry Dehaan": a first name makes it a person's.
  if (namesACompany(after, before, true) && genderOfFirstName(surface.split(' ')[0]!) === null) return true;
  // "Valve, which made Half-Life 2": "which" follows no person, unless the name opens with a first name.
  if (WHICH_AFTER.test(after) && /^\p{Lu}/u.test(surface) && genderOfFirstName(surface.split(' ')[0]!) === null) return true;
  // A lone plural word ("Ecologists are warning") is a common noun opening the sentence, not a group's name.
  if (PLURAL_VERB_AFTER.test(after) && CLAUSE_START.test(before) && !/^\p{Lu}\p{Ll}+s$/u.test(surface)) return true;
  // Two names listed before a plural verb ("Girls Aloud and Scissor Sisters were") may be two
  // people ("Smith and Jones were", "Gordon Brown and Tony Blair were"): a name of two words or
  // more that opens with no first name, title or honorific is no person's.
  const first = surface.split(' ')[0]!;
  return (
    surface.includes(' ') &&
    genderOfFirstName(first) === null &&
    !TITLE_WORDS.has(first) &&
    !HONORIFICS.has(first) &&
    ((LISTED_FIRST.test(after) && CLAUSE_START.test(before)) || (LISTED_SECOND.test(before) && PLURAL_VERB_AFTER.test(after)))
  );
}

/** A letter's greeting before a name ("Hi Tom,", "Dear Sandra"): no part of the name. */
const GREETINGS = new Set(['Hi', 'Hello', 'Hey', 'Dear', 'Thanks', 'Cheers', 'Congratulations', 'Welcome']);

/**
 * Adds a person mention at [start, end), with what is glued to the name split off: a leading
 * title (kept for the role), a leading or trailing organization or place the knowledge base knows
 * ("Treasury Paul Boateng", "BBC Michael Howard", "Blair Labour": that becomes its own mention),
 * and a sentence-opening word the text also uses in lower case or a greeting ("Vote Blair", "Get
 * Brown", "Hi Tom").
 */
function splitPerson(text: string, start: number, end: number, confidence: number, out: Mention[]): void {
  const surface = text.slice(start, end);
  const stripped = stripTitles(surface);
  let nameStart = start + stripped.nameStart;
  let nameEnd = end;
  const title = stripped.title ? { start, end: start + stripped.title.length, text: stripped.title, honorific: stripped.honorific } : undefined;
  const glued: Mention[] = [];
  // Leading words: a known organization or place, or a common word opening the sentence.
  for (;;) {
    const rest = text.slice(nameStart, nameEnd);
    let space = rest.indexOf(' ');
    if (space < 0) break;
    // "Liberal Democrat David Laws": a known name may take two words.
    const second = rest.indexOf(' ', space + 1);
    if (second > 0 && knownNonPerson(rest.slice(0, second))) space = second;
    const word = rest.slice(0, space);
    // "Dominique Varenne", "Jordan Hale": a first name before a surname, though a country bears it
    // (but "Nissan Motor": a company's name is the company's).
    const firstName = genderOfFirstName(word) !== null && !rest.slice(space + 1).includes(' ');
    const known = knownNonPerson(word);
    const org = firstName && known?.kind === 'PLACE' ? null : known;
    const opensSentence = nameStart === start && SENTENCE_START.test(text.slice(Math.max(0, start - 3), start));
    if (org) glued.push(makeMention(nameStart, nameStart + word.length, word, org.kind, word, confidence, 'ner', org.id));
    else if (!(opensSentence && title === undefined && (isCommonWord(text, word) || GREETINGS.has(word)))) break;
    nameStart += space + 1;
  }
  // A trailing known organization or place: "Blair Labour" (but a company or a country after a
  // first name alone, in a name NER is sure is a person's, is a surname: "Ferdinand Porsche",
  // "Trevor Holland"; not "Aero India", which NER doubted).
  const rest = text.slice(nameStart, nameEnd);
  const space = rest.lastIndexOf(' ');
  const surnamed =
    confidence >= SURE_NAME && rest.indexOf(' ') === space && genderOfFirstName(rest.slice(0, space)) !== null && isSurnameToo(rest.slice(space + 1));
  if (space > 0 && !surnamed) {
    const word = rest.slice(space + 1);
    const org = knownNonPerson(word);
    if (org) {
      glued.push(makeMention(nameStart + space + 1, nameEnd, word, org.kind, word, confidence, 'ner', org.id));
      nameEnd = nameStart + space;
    }
  }
  out.push(...glued);
  const name = text.slice(nameStart, nameEnd);
  // A bare title ("President"), a plural of initials ("GPUs", "MPs") or a name with no capital
  // is not a person; a surname opening with its particle is, unless it ends a name of something
  // else ("Paschi di Siena").
  if (
    (!/^\p{Lu}/u.test(name) && !(SURNAME_PARTICLE.test(name) && particleNameStands(text, nameStart))) ||
    PLURAL_INITIALS.test(name) ||
    name.split(' ').every((w) => TITLE_WORDS.has(w) || HONORIFICS.has(w))
  )
    return;
  if (
    !name.includes(' ') &&
    nameStart === start &&
    title === undefined &&
    SENTENCE_START.test(text.slice(Math.max(0, start - 3), start)) &&
    isCommonWord(text, name)
  )
    return;
  out.push(makeMention(nameStart, nameEnd, name, 'PERSON', name, confidence, 'ner', undefined, undefined, title));
  out.sort((a, b) => a.start - b.start);
}

/** Whether nothing capitalised but a title or an honorific comes just before a name opening with a particle ("President da Silva", "c de Silva"). */
function particleNameStands(text: string, start: number): boolean {
  const before = /(\p{Lu}[\p{L}.]*)\s+$/u.exec(text.slice(Math.max(0, start - 24), start));
  return !before || TITLE_WORDS.has(before[1]!) || HONORIFICS.has(before[1]!.replace(/\.$/, ''));
}

/** Words of places' and teams' names that are no surnames ("Stirling County", "Minor Counties"). */
const PLACE_WORDS = new Set([
  'County',
  'Counties',
  'Shire',
  'Borough',
  'District',
  'Province',
  'Region',
  'River',
  'Lake',
  'Mount',
  'Hotel',
  'West',
  'East',
  'North',
  'South',
  'Southern',
  'Eastern',
  'Northern',
  'Western',
  'Central',
]);

const LOWER_S = 0x73;
const LOWER_T = 0x74;
const LOWER_F = 0x66;
const SPACE = 0x20;

/** A straight or a typographic apostrophe. */
function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/** A plural of initials: "GPUs", "CEOs". */
const PLURAL_INITIALS = /^\p{Lu}{2,}s$/u;

/** What follows a span cut inside a word: a letter, or a contraction's "n't". */
const INSIDE_WORD_AFTER = /^(?:\p{L}|n['’]t)/u;

/** An opening quotation mark just before a name: a title's. */
const QUOTED_BEFORE = /["“‘]\s*$/;

/** Below this NER confidence an organization shaped like a person's name (`personLike`) is taken for one. */
const DOUBTED_ORG = 0.6;
/** Above this NER confidence, a known body and a person's name NER read as one organization stay one. */
const SURE_ORG = 0.95;

/**
 * A first name the list knows and one capitalised surname: neither a word of a body's, a company's
 * or a place's name nor one the knowledge base knows ("Feliciano Lopez"; not "Morgan Stanley",
 * "China Southern", "Bristol West"), and no surname the text also writes in lower case ("Royal Mail").
 */
/** Last words of the names of awards and events, which are no one's surname ("Nobel Prizes"). */
const THING_TAILS = new Set(['Prize', 'Prizes', 'Award', 'Awards', 'Medal', 'Medals', 'Cup', 'Trophy', 'Games', 'Festival']);

function personLike(text: string, surface: string): boolean {
  const words = surface.split(' ');
  return (
    words.length === 2 &&
    genderOfFirstName(words[0]!) !== null &&
    lookupKnown(words[0]!).length === 0 &&
    !isCommonWord(text, words[1]!) &&
    /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(words[1]!) &&
    !THING_TAILS.has(words[1]!) &&
    !words.some(
      (w) =>
        ORGANIZATION_NAME_HEADS.has(w) || COMPANY_NAME_TAILS.has(w) || TITLE_WORDS.has(w) || PLACE_WORDS.has(w) || HONORIFICS.has(w) || PEER_OFFICES.has(w),
    ) &&
    lookupKnown(surface).length === 0 &&
    lookupKnown(words[1]!).length === 0
  );
}

/**
 * A party, a public body or a broadcaster the knowledge base knows (one or two words), then a
 * first name and a surname (see `personLike`). Not a company: what follows a company's name is
 * more often the rest of it ("Citigroup Smith Barney", "Dresdner Kleinwort Wasserstein").
 */
function knownBodyThenPerson(text: string, surface: string): boolean {
  const first = surface.indexOf(' ');
  if (first < 0) return false;
  const second = surface.indexOf(' ', first + 1);
  for (const at of [first, second]) {
    if (at < 0) break;
    const body = knownOrganization(surface.slice(0, at));
    if (body && PUBLIC_BODIES.has(body.subkind) && personLike(text, surface.slice(at + 1))) return true;
  }
  return false;
}

/** Knowledge-base subkinds of the bodies people are named after in a title: "Lib Dem Norman Baker", "BBC Michael Howard", "Treasury Paul Boateng". */
const PUBLIC_BODIES = new Set(['party', 'government', 'media', 'international']);

/**
 * A title followed by a name of two or more words whose first is a known first name, or a
 * title only a person's name follows ("Professor Albright", "Mrs Doyle") and a name no list knows.
 */
function titledPerson(surface: string, nameGoesOn = false): boolean {
  const stripped = stripTitles(surface);
  if (stripped.title === null) return false;
  const name = surface.slice(stripped.nameStart).split(' ');
  if (!name.every((w) => /^\p{Lu}/u.test(w))) return false;
  if (name.length >= 2 && genderOfFirstName(name[0]!) !== null) return true;
  // "Tory Treasurer Lord Ashcroft": a peer's or a knight's title before a surname.
  const titleWords = stripped.title.split(' ');
  if (
    name.length <= 2 &&
    PEER_TITLES.has(titleWords[titleWords.length - 1]!) &&
    !nameGoesOn &&
    !name.some((w) => TITLE_WORDS.has(w) || TITLE_WORDS.has(w.replace(/s$/, '')) || PEER_OFFICES.has(w)) &&
    lookupKnown(name.join(' ')).length === 0
  )
    return true;
  // (Not where a capitalised word follows: "Professor Robin" + "Lovell-Badge" is one name, decided with its rest.)
  return (
    !nameGoesOn &&
    name.length <= 3 &&
    titleWords.every((w) => PERSONAL_TITLES.has(w)) &&
    !name.some((w) => ORGANIZATION_NAME_HEADS.has(w) || CORPORATE_SUFFIXES.has(w) || TITLE_WORDS.has(w) || HONORIFICS.has(w) || PEER_OFFICES.has(w)) &&
    lookupKnown(name.join(' ')).length === 0
  );
}

/** Titles of peers and knights (as `stripTitles` returns them), which a surname or a name follows. */
const PEER_TITLES = new Set(['Lord', 'Lady', 'Sir', 'Dame']);

/** A capitalised word just after a name: the name may go on. */
const NAME_GOES_ON = /^\s\p{Lu}/u;

/** Titles only a person's name follows (not "Lord", "Lady" or "Miss": "Lord's", "Miss World"). */
const PERSONAL_TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.']);

/**
 * Where a titled person (see `titledPerson`) starts inside a name, after the name of a body
 * (ending in its head noun, or one the knowledge base knows) or of a place; 0 if none does.
 */
function titledPersonAfter(surface: string): number {
  // A body's or a place's name, a title and a name of two words: four words at least.
  const second = surface.indexOf(' ', surface.indexOf(' ') + 1);
  if (second === -1 || surface.indexOf(' ', second + 1) === -1) return 0;
  const words = surface.split(' ');
  let at = 0;
  for (let i = 1; i + 2 < words.length; i++) {
    at += words[i - 1]!.length + 1;
    if (!TITLE_WORDS.has(words[i]!) || !titledPerson(words.slice(i).join(' '))) continue;
    const head = words.slice(0, i).join(' ');
    const known = lookupKnown(head).some((k) => !k.demonym && (k.entry.kind === 'ORGANIZATION' || k.entry.kind === 'PLACE'));
    if (known || lookupPlace(head) || ORGANIZATION_NAME_HEADS.has(words[i - 1]!)) return at;
  }
  return 0;
}

/** An unambiguous organization or place of the knowledge base named by one word ("BBC", "Labour"). */
/** At or above this NER confidence, a first name and a company's or a country's name are a person's. */
const SURE_NAME = 0.5;

/** Whether the knowledge base knows the name as a company's or a country's, which are often surnames too. */
function isSurnameToo(name: string): boolean {
  return lookupKnown(name).some((m) => !m.demonym && (m.entry.subkind === 'company' || m.entry.subkind === 'country'));
}

function knownNonPerson(word: string): { kind: 'ORGANIZATION' | 'PLACE'; id: string } | null {
  for (const { entry, demonym } of lookupKnown(word)) {
    if (demonym || entry.ambiguous) continue;
    if (entry.kind === 'ORGANIZATION' || (entry.kind === 'PLACE' && entry.subkind === 'country')) return { kind: entry.kind, id: entry.id };
  }
  return null;
}
