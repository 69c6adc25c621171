/**
 * The kind of a name, from several kinds of evidence: what NER said, what the knowledge base
 * knows of the name, what the sentence says of it ("… was named best film"), the name's own
 * head word ("… Cup", "… Prize") and the words before it ("the film …", "Channel 4's …"). The
 * knowledge base never decides alone against a confident NER label for a name it marks
 * ambiguous ("Apple", "Virgin").
 */
import { genderOfFirstName } from '../knowledge/firstNames.js';
import { lookupKnown, type KbEntry, type KbMatch } from '../knowledge/knowledgeBase.js';
import { lookupPlace } from './placeGazetteer.js';
import type { EntityKind } from '../types.js';
import { definedKind } from './definedKind.js';
import { lastWordOf } from './lastWordOf.js';
import { BUSINESS_NAME_WORDS, CORPORATE_SUFFIXES, ORGANIZATION_NAME_HEADS, PEER_NAME, PEER_OFFICES, PLACE_NAME_OPENERS, SPEECH_VERB_AFTER } from './lexicon.js';

export interface KindDecision {
  /** The kind, or null when the name is not an entity ("DVD", "GDP", "Bill"). */
  kind: EntityKind | null;
  /** The knowledge-base entry the name was matched to, if any. */
  known: KbEntry | null;
  /**
   * The words around the name decided its kind ("named best film", "the album …", "Channel 4's
   * …"): evidence of its own, whatever NER's confidence, which is low on titles.
   */
  cued?: boolean;
  /** The name is a person's title, the whole of which names them ("the Mayor of London said"): no title comes off it. */
  byTitle?: boolean;
  /** The sentence defines the name ("… is a Japanese carmaker", "the carmaker …"): its other mentions in the article share the kind. */
  defined?: boolean;
}

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?(?!\\p{L})';
/**
 * What follows a dateline's place: perhaps its state or country after a comma, then a date (group
 * 1) or an agency in brackets ("DENVER 1996-08-29", "BOULDER, Colo., Aug 27", "NEW YORK, Aug 27",
 * "LONDON (Reuters) -"). (Not "(PA)": the Press Association's byline follows a reporter's name.)
 */
const DATELINE_AFTER = new RegExp(
  `^(?:\\s*,\\s*\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*){0,2}(?:\\s?\\.)?(?=\\s*,?\\s*(?:\\d|\\(|${MONTH})))?,?\\s*(?:(\\d{4}-\\d\\d-\\d\\d\\b|${MONTH}\\s\\d{1,2}\\b|\\d{1,2}\\s${MONTH})|\\((?:Reuters|AP|AFP|UPI|Xinhua|Bloomberg|dpa|IANS|PTI|CNN)\\))`,
  'u',
);
/** A geographic noun just after a name, perhaps after a possessive: "Amazon rainforest", "Amazon's forests". */
const GEOGRAPHIC_NOUN_AFTER = /^(?:['’]s)?\s+(?:rainforests?|rivers?|basins?|jungles?|regions?|deltas?|forests?|valleys?)\b/i;
/**
 * Words before a company where one buys from it, works with it or lists it ("from Amazon", "at
 * Amazon", "such as Amazon"), or nothing (it opens the sentence): none of them comes before a
 * river's or a forest's name without "the".
 */
const TRADE_PREPOSITIONS = new Set(['', 'from', 'at', 'by', 'with', 'via', 'and', 'or', 'on', 'as', 'like', 'including']);
/** "official" as an adjective: "the official ", "its official ". */
const OFFICIAL_ADJECTIVE_BEFORE = /\b(?:the|an?|its|their|his|her|our)\s+official\s+$/i;
/** A version or a model just after a product's name: " 95", " 3.1", " NT", " XP", " 4S". */
const VERSION_AFTER = /^ (?:\d+(?:\.\d+)*[A-Za-z]?|[A-Z]{2,3})(?![\p{L}\d])/u;

/** A dateline's place: the first words of a paragraph, a name of up to three capitalised words, before a date or an agency in brackets. */
function isDateline(surface: string, before: string, after: string, nerType: string, confidence: number): boolean {
  // Most names stand inside a paragraph, which the characters before them tell.
  let k = before.length - 1;
  while (k >= 0 && (before.charCodeAt(k) === 0x20 || before.charCodeAt(k) === 0x09)) k--;
  if (k >= 0 && before.charCodeAt(k) !== 0x0a) return false;
  const m = DATELINE_AFTER.exec(after);
  if (m === null || !/^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,2}$/u.test(surface)) return false;
  // A dateline's place is written in capitals ("DENVER"), or before an agency in brackets
  // ("London (Reuters)"); a name NER is sure is a person's, before a date, heads a note
  // ("Gordon Brown 2005-03-16 budget speech").
  return surface === surface.toUpperCase() || (m[1] === undefined && !(nerType === 'PER' && confidence >= WEAK_NER));
}

/** Last words of the names of events: competitions, shows, festivals, holidays. */
const EVENT_HEADS = new Set([
  'Cup',
  'Championship',
  'Championships',
  'Games',
  'Olympics',
  'Festival',
  'Show',
  'Expo',
  'Fair',
  'Summit',
  'Grand Prix',
  'Marathon',
  'Tournament',
  'Trophy',
  'Series',
  'Day',
  'Eve',
  'Week',
  'Carnival',
  'Biennale',
  'Fringe',
  'Open',
  'Masters',
]);
/** Last words of the names of wars and revolutions: "Gulf War", "Cultural Revolution" (not "Ministry of War", a body). */
const WAR_HEADS = new Set(['War', 'Revolution', 'Uprising', 'Rebellion']);
/** A battle's or a siege's name: "Battle of Stamford Bridge", "Siege of Leningrad". */
const BATTLE_NAME = /^(?:Battle|Siege|Sack|Massacre) of \p{Lu}/u;
/** A military operation's name: "Operation Vittles", "Operation Desert Storm". */
const OPERATION_NAME = /^Operation \p{Lu}/u;
/** Last words of the names of venues, which are places: "Millennium Stadium", "Wembley Arena". */
const PLACE_HEADS = new Set(['Stadium', 'Arena']);
/** Last words of the names of buildings no person is named after: "Insein Prison", "Reading Gaol". */
const FACILITY_HEADS = new Set(['Prison', 'Jail', 'Gaol']);
/**
 * Last words of the names of streets, structures and natural features: "Regent Street",
 * "Stansted Airport", "Nu River", "Tiananmen Square". Some are surnames too ("Barbara Castle",
 * "Mike Lake"), so a name NER took for a person's stays one when a first name is in it ("Dame Barbara Castle").
 * (Not "Palace", "Church" or "Centre": "Crystal Palace" plays football, "the Catholic Church"
 * and "the Foreign Policy Centre" are bodies.)
 */
const STRUCTURE_HEADS = new Set([
  'Street',
  'Road',
  'Avenue',
  'Square',
  'Boulevard',
  'Lane',
  'Bridge',
  'Airport',
  'Station',
  'Hospital',
  'Museum',
  'Cathedral',
  'Castle',
  'Tower',
  'Canal',
  'Sea',
  'Ocean',
  'Bay',
  'River',
  'Valley',
  'Lake',
  'Mountains',
  'Highway',
  'Motorway',
  'Expressway',
  'Sanctuary',
  'Region',
  'Peninsula',
  'Gulf',
  'Strait',
  'Desert',
  'Canyon',
  'Glacier',
  'Falls',
  'Plateau',
  'Heights',
  'Hills',
  'Coast',
  'Area',
  'Quarter',
  'Quarters',
  'Cemetery',
  'Pass',
  'Gorge',
  'Pier',
  'Harbour',
  'Harbor',
  'Beach',
  'Dam',
  'Reservoir',
  'Memorial',
  'Monument',
  'Mosque',
  'Shrine',
  'Temple',
]);
/** Words before "Park" that make it a park, whatever NER said: "Los Nevados National Park". */
const PARK_KINDS = new Set(['National', 'State', 'Country', 'Nature', 'Regional', 'Marine', 'Forest', 'Wildlife']);
/** Of those, the words no one's surname is, so a first name before them ("Bay Area", "Han River") says nothing (not "Ocean", "Strait" or "Sea": "Frank Ocean", "George Strait"). */
const NO_SURNAME_HEADS = new Set(
  'Avenue Boulevard Road Square Airport Station Canal River Valley Mountains Highway Motorway Expressway Sanctuary Region Peninsula Desert Canyon Glacier Plateau Area Quarter Quarters Cemetery Gorge Reservoir Mosque'.split(
    ' ',
  ),
);
/**
 * Of those, the words of places that teams, bodies and services are named after too ("Gold
 * Coast", "Wichita Falls", "the Middle Temple", "Free Trade Area", "Game Pass"): a place only
 * where NER did not see a body.
 */
const BODY_TOO_HEADS = new Set(['Coast', 'Hills', 'Heights', 'Falls', 'Beach', 'Harbour', 'Harbor', 'Temple', 'Memorial', 'Area', 'Pass']);
const POSSESSIVE_DETERMINERS = new Set(['My', 'Our', 'Your', 'His', 'Her', 'Their']);
/** Last words of the names of regions ("Kyoto Prefecture", "Travis County"); a team may bear one ("Western Province" plays cricket, "Derby County" football). */
const REGION_HEADS = new Set(['Prefecture', 'Province', 'Oblast', 'County']);
/** Last words of the names of centres: a venue or a body, never a person ("Kennedy Space Center"). */
const CENTRE_HEADS = new Set(['Centre', 'Center']);
/** Last words of the names of instruments and craft, which are things, not the people they are named after: "James Webb Space Telescope". */
const CRAFT_HEADS = new Set(['Telescope', 'Spacecraft', 'Satellite', 'Rover']);
/** Last words of the names of laws, treaties and plans. */
const LAW_HEADS = new Set(['Act', 'Acts', 'Bill', 'Plan', 'Doctrine', 'Treaty', 'Accord', 'Accords', 'Protocol', 'Directive']);
/** The name of a state by its form: "Kingdom of Poland", "Ottoman Empire" (not a duchy: "the Duchy of Lancaster" is an estate; not a regime: "the Second Empire"). */
const STATE_NAME =
  /^(?:Kingdom|Republic|Principality|Emirate|Sultanate|Empire|Caliphate) of \p{Lu}|^(?!(?:First|Second|Third|Fourth|Fifth) )\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)? (?:Empire|Caliphate|Sultanate)$/u;
/** A title held of a place: "Duke of Edinburgh", "Archbishop of Canterbury", "Mayor of London". */
const TITLE_OF_PLACE = /^(?:Duke|Duchess|Earl|Marquess|Baron|Baroness|Prince|Princess|Archbishop|Bishop|Mayor|Lord Mayor|Dean)\s+of\s+(?:the\s+)?\p{Lu}/u;
/** A name and a comma just before: what follows is said of the name ("William, the …"). */
const NAME_THEN_COMMA_BEFORE = /\p{Lu}[\p{L}'’-]*,\s+(?:the\s+)?$/u;
/** A comma and a person's name just after: "…, Ken Livingstone", "…, Dr Rowan Williams". */
const COMMA_THEN_NAME_AFTER = /^,\s+(?:\p{Lu}\p{Ll}{0,3}\.?\s+)?\p{Lu}\p{Ll}+\s+\p{Lu}/u;
/** Last words of the names of settlements: "Toyota City", "Quezon City". */
const SETTLEMENT_HEADS = new Set(['City', 'Town', 'Village', 'County', 'Province', 'Prefecture', 'District']);
/** First words of the names of natural features: "Lake Victoria", "Nevado Mismi". */
const FEATURE_OPENERS = new Set(['Mount', 'Lake', 'Cordillera', 'Nevado', 'Cerro', 'Lago', 'Loch', 'Isle']);
/** Award heads that are no one's surname. */
const AWARD_NEVER_SURNAMES = new Set(['Award', 'Awards', 'Prize', 'Prizes']);
/** Last words of the names of awards. */
const AWARD_HEADS = new Set(['Award', 'Awards', 'Prize', 'Prizes', 'Medal', 'Trophies']);
/** An award and its field: "Nobel Prize in Literature". */
const AWARD_IN_FIELD = /\b(?:Prize|Award|Medal) in \p{Lu}/u;
/** Second words of an award's category after "Best": "Best Actor", "Best Original Score", "Best British Group". */
const AWARD_CATEGORY_WORDS = new Set(
  'Actor Actress Picture Film Director Original Adapted Supporting Album Song Score Newcomer British International Animated Documentary Foreign Male Female Group Single Record Video Play Musical Novel Screenplay Cinematography Editing Costume Sound Visual Comedy Drama Live Rock Pop Dance Urban New Breakthrough'.split(
    ' ',
  ),
);
/** Nouns that name a work just before its title: "the film Aviator", "her album Hopes and Fears", "their third album, OK Computer". */
const WORK_NOUN_BEFORE =
  /\b(?:film|movie|films|album|single|song|book|novel|memoir|biography|musical|opera|ballet|sitcom|series|soap|documentary|drama|programme|program|game|video game|painting|poem|blockbuster|thriller|comedy|spin-off|sequel|prequel|remake|novella|essay|symphony|concerto|sonata|podcast|manga),?[ \t]+$/i;
/** Nouns of bodies just before their name: "the record label Sub Pop", "the airline Flybe". */
const BODY_NOUN_BEFORE =
  /\b(?:the|a|an|[\p{Lu}][\p{L}-]*)\s+(?:label|band|firm|company|airline|carmaker|retailer|publisher|broadcaster|charity|group|startup|start-up)[ \t]+$/u;
/** Nouns that are verbs too ("Liverpool play Juventus", "figures show Labour ahead"): a work only after a determiner or possessive. */
const WORK_VERB_NOUN_BEFORE = /\b(?:the|a|an|his|her|their|its|our|new|latest|\p{L}+['’]s)\s+(?:play|show|hit)[ \t]+$/iu;
/** After a film's name: its cast or director, or its takings ("Vera Drake, starring …", "… fell to second place at the US box office"). */
const FILM_AFTER =
  /^(?:,?\s+(?:starring|co-starring|directed by|written and directed by)\b|\s+(?:grossed|grosses)\b|\s+(?:topped|tops|took|takes|earned|made|opened|opens|fell|falls|slipped|slips|remained|stayed|held|holds|rose|climbed|dropped)\b[^.!?\n]{0,60}?\bbox[ -]office\b)/;
/** A possessive, then a singer's or a band's work: "'s new album", "'s debut single", "'s world tour". */
const ARTIST_WORK_AFTER =
  /^[’']s\s+(?:(?:new|latest|debut|first|second|third|fourth|last|forthcoming|next|hit|best-selling|comeback|world|farewell|greatest hits)\s+)*(?:album|single|record|tour|song|LP|EP|video)\b/;
/** A film's or a record's award, then "for": the work it was for follows ("won an Oscar for Boys Don't Cry", "Album of the Year for Midnights"). */
const FILM_AWARD_FOR_BEFORE = /\b(?:Oscars?|Baftas?|Golden Globes?|Emmys?|Grammys?|(?:Album|Record|Song) of the Year)(?: nominations?)? for[ \t]+$/;
/** A model's word: capitals and digits in one ("S24", "G4", "A380"). */
const MODEL_WORD = /^\p{Lu}+\d+\p{Lu}*$/u;
/** A maker just after a name: ", made by …", ", developed by …". */
const MADE_BY_AFTER = /^,?\s+(?:made|developed|manufactured|produced|marketed|sold) by\s+\p{Lu}/u;
/** Where a journal's name follows: "published in …", "the journal …". */
const JOURNAL_BEFORE = /\b(?:(?:published|appeared|appears|appear) in (?:the (?:journal )?)?|the journal )$/;
/** A year alone in brackets just after a name: "(1997)". */
const YEAR_IN_BRACKETS_AFTER = /^\s*\((?:1[6-9]|20)\d\d\)/;
/** "star of …", "starring in …", "director of …": a work follows. */
const WORK_VERB_BEFORE =
  /\b(?:starring in|starred in|stars in|star of|director of|directed|author of|wrote|sequel to|remake of|screening of|premiere of)[ \t]+(?:the[ \t]+)?$/i;

/**
 * "… was named best film", "… voted best album": the thing named best is a work. (Not "won best
 * album": who wins it is a band or a person.)
 */
const NAMED_BEST_WORK_AFTER =
  /^\s+(?:(?:was|were|has been|is)\s+)?(?:named|voted|crowned)\s+(?:the\s+)?best\s+(?:[a-z]+\s+){0,2}?(?:film|picture|movie|album|single|song|record|documentary|drama|comedy|musical|game|book|novel|programme|show|series|video)\b/;
/** "… were named best international group", "… won best British band": a group, whatever its name looks like ("Green Day"). */
export const NAMED_BEST_GROUP_AFTER =
  /^\s+(?:(?:was|were|has been|have been)\s+)?(?:named|voted|crowned|won|took|takes|wins|picked up)\s+(?:the\s+)?(?:award for\s+)?best\s+(?:[a-z]+\s+|[A-Z][a-z]+\s+){0,2}?(?:group|band|act|duo)\b/;
/** A part played in what follows: "the title role in …", "a starring role in …". */
const TITLE_ROLE_BEFORE = /\b(?:title|lead|leading|starring|supporting|cameo) (?:role|part) in[ \t]+(?:the[ \t]+)?$/i;
/** A lower-case role and a name just after a name: "S&P credit analyst Helena Hessel". */
const ROLE_AND_NAME_AFTER = /^\s+[a-z]+(?:\s+[a-z]+){0,2}\s+\p{Lu}\p{Ll}/u;
/** Nouns for a product, just after its name: "the DS handheld", "its Desktop Search tool". */
const PRODUCT_NOUN_AFTER =
  /^\s+(?:handheld|console|consoles|phone|phones|handset|handsets|player|players|laptop|computer|browser|software|tool|device|tablet|camera|chip|chips|processor|operating system|search engine|music service)\b/;
/** A broadcaster's own parts (channels, stations, services, news), not its programmes: "Radio 4", "World Service". */
const BROADCASTER_OWN = /^(?:Radio|Channel|TV|News|Sky|World|Online)\b|\b(?:Service|News|Radio|Online|Channel|Worldwide|\d+)$/;
/** A name (up to three words, digits too: "Channel 4") and a possessive, just before a name. */
const POSSESSOR_BEFORE = /((?:\p{Lu}[\p{L}\d-]*|\d+)(?:\s+(?:\p{Lu}[\p{L}\d-]*|\d+)){0,2})['’]s\s+$/u;
/** A possessive, then "The" with a capital inside a sentence: "Scorsese's The Aviator" is a title. */
const POSSESSIVE_THE_BEFORE = /\p{L}['’]s\s+The\s+$/u;

/**
 * The last word of each cue before a name that the patterns above read ("film" of "the film ",
 * "off" of "spin-off, ", "s" of "Channel 4's "): a pattern is tried only where `lastWordOf`
 * gives one of its words, so most names are decided without running the patterns on the text
 * before them. Each set must hold every last word its pattern can end on.
 */
const WORK_NOUNS = new Set(
  'film movie films album single song book novel memoir biography musical opera ballet sitcom series soap documentary drama programme program game painting poem blockbuster thriller comedy off sequel prequel remake novella essay symphony concerto sonata podcast manga'.split(
    ' ',
  ),
);
/** ("how" of "ſhow": WORK_VERB_NOUN_BEFORE reads case-insensitively with Unicode's folding, where the long s is an "s".) */
const WORK_VERB_NOUNS = new Set(['play', 'show', 'hit', 'how']);
const BODY_NOUNS = new Set('label band firm company airline carmaker retailer publisher broadcaster charity group startup up'.split(' '));
const WORK_VERB_ENDS = new Set(['in', 'of', 'directed', 'wrote', 'to', 'the']);

/** The guarded patterns with the last words they can end on (a unit test checks that each set covers its pattern). */
export const CUE_GUARDS: readonly { pattern: RegExp; lastWords: ReadonlySet<string> }[] = [
  { pattern: WORK_NOUN_BEFORE, lastWords: WORK_NOUNS },
  { pattern: WORK_VERB_NOUN_BEFORE, lastWords: WORK_VERB_NOUNS },
  { pattern: BODY_NOUN_BEFORE, lastWords: BODY_NOUNS },
  { pattern: WORK_VERB_BEFORE, lastWords: WORK_VERB_ENDS },
];

const NO_MATCHES: readonly KbMatch[] = [];

const NER_KIND: Record<string, EntityKind | null> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE', MISC: null };

/**
 * Decides the kind of a NER mention. `before` and `after` are the text just before and after it
 * (a few dozen characters each), `nerType` the NER label and `confidence` NER's confidence in it.
 */
export function decideKind(surface: string, before: string, after: string, nerType: 'PER' | 'ORG' | 'LOC' | 'MISC', confidence: number): KindDecision {
  const ner = NER_KIND[nerType] ?? null;
  // Places are the gazetteer's business (and a city's name is often a team's or a person's).
  const known = lookupKnown(surface);
  const matches = known.length === 0 ? NO_MATCHES : known.filter((m) => !m.demonym && m.entry.kind !== 'OFFICE' && m.entry.kind !== 'PLACE');
  if (matches.some((m) => m.entry.kind === 'COMMON')) return { kind: null, known: null };
  // "DENVER 1996-08-29", "VERONA, Italy 1996-08-24", "LONDON (Reuters) -": a dateline names the
  // place the story was filed from, whatever NER made of a word in capitals.
  if (matches.length === 0 && isDateline(surface, before, after, nerType, confidence)) return { kind: 'PLACE', known: null, cued: true };
  // "… is a Chinese-American computer scientist", "…, an English rock band": a definition says
  // what the name is, more surely than NER, the knowledge base or the name's own words.
  const defined = definedKind(before, after);
  if (defined) return { kind: defined, known: matches.find((m) => m.entry.kind === defined)?.entry ?? null, cued: true, defined: true };
  const agreeing = matches.find((m) => m.entry.kind === ner);
  if (agreeing) return { kind: ner, known: agreeing.entry };
  const first = matches[0]?.entry;
  // "the Amazon" is the river, "Amazon" the company: a company name after "the" is not one.
  const cue = lastWordOf(before);
  const afterThe = cue === 'the' && /\bthe\s+$/.test(before);
  // ("the Verizon offer": a name the knowledge base knows only as a company's is the company's after "the" too.)
  if (first && matches.every((m) => m.entry.kind === first.kind) && !(afterThe && first.subkind === 'company' && first.ambiguous)) {
    const weakNer = ner === null || confidence < WEAK_NER;
    // "eBay and Amazon reported strong sales": what the sentence says of it is a company's.
    const tradingCompany = first.subkind === 'company' && COMPANY_AFTER.test(after);
    // "Windows 95", "Windows NT": a product's name before its version is the product's.
    const versioned = first.kind === 'PRODUCT' && VERSION_AFTER.test(after);
    // "bought it from Amazon": a company's name NER took for a place that no gazetteer knows is
    // the company, without the "the" a river or a forest takes ("the Amazon").
    const placeless =
      first.subkind === 'company' && ner === 'PLACE' && TRADE_PREPOSITIONS.has(cue) && lookupPlace(surface) === undefined && !GEOGRAPHIC_NOUN_AFTER.test(after);
    // ("Haskell said", "Gemini and her sister": a thing's name that is also a first name does not
    // overrule NER's person, however weak.)
    const personsFirstName =
      ner === 'PERSON' && first.ambiguous && first.kind !== 'PLACE' && first.kind !== 'ORGANIZATION' && genderOfFirstName(surface.split(' ')[0]!) !== null;
    if ((!first.ambiguous || weakNer || tradingCompany || versioned || placeless) && !personsFirstName)
      // (A version says what the name is for its other mentions in the article too.)
      return { kind: first.kind as EntityKind, known: first, cued: tradingCompany || versioned, defined: versioned };
  }
  // What the sentence says of the name outranks what its words look like ("Green Day").
  if (nerType !== 'PER' && after.includes('best') && NAMED_BEST_WORK_AFTER.test(after)) return { kind: 'WORK', known: null, cued: true };
  if (nerType !== 'PER' && after.includes('best') && NAMED_BEST_GROUP_AFTER.test(after)) return { kind: 'ORGANIZATION', known: null, cued: true };
  const words = surface.split(/\s+/);
  // "council leader Okafor said": after a role only a person holds, written in lower case, a name
  // NER doubted and no list knows is a person (not after "market leader", "fund manager").
  if (
    nerType !== 'PER' &&
    confidence < WEAK_NER &&
    known.length === 0 &&
    PERSON_ROLES.has(cue) &&
    before.trimEnd().endsWith(cue) &&
    // ("the official Tass news agency": "official" before a name is an adjective after a determiner.)
    !(cue === 'official' && OFFICIAL_ADJECTIVE_BEFORE.test(before)) &&
    !COMPANY_ROLE_BEFORE.test(before) &&
    !CAPITALISED_WORD_AFTER.test(after) &&
    words.length <= 3 &&
    !words.some((w) => ORGANIZATION_NAME_HEADS.has(w) || BUSINESS_NAME_WORDS.has(w) || CORPORATE_SUFFIXES.has(w))
  )
    return { kind: 'PERSON', known: null, cued: true };
  // "PlayStation Portable", "iPod Mini": a product the knowledge base knows, then a model word.
  if (words.length >= 2 && nerType !== 'PER' && lookupKnown(words[0]!).some((m) => m.entry.kind === 'PRODUCT' && !m.entry.ambiguous))
    return { kind: 'PRODUCT', known: null };
  // "Airbus A380", "Boeing 747", "Google Maps": a company the knowledge base knows, then words
  // that name no body, division, event or country, is one of its products ("Microsoft Research",
  // "Nissan Europe", "BMW Championship" stay what they are). Only with a model's number or where
  // NER called the whole a thing (MISC): in business news a company's name and a word are mostly
  // an arm of it ("LG Card", "Fiat Auto", "UBS Brunswick"), and a club's has a year ("Bayer 04 Leverkusen").
  if (words.length >= 2 && (nerType === 'MISC' || words.some((w) => MODEL_NUMBER.test(w))) && matches.length === 0 && companyThenProduct(words))
    return { kind: 'PRODUCT', known: null };
  // "Galaxy S24 Ultra", "Tensor G4": no one's name has a model's letters and digits in one word.
  if (nerType === 'PER' && words.some((w) => MODEL_WORD.test(w)) && matches.length === 0) return { kind: 'PRODUCT', known: null, cued: true };
  // "Google Brain", "Rolls-Royce Holdings": a company the knowledge base knows, then a word, read
  // as a place, is the company or a part of it.
  // (Not "Toyota City": a town named after its company.)
  if (
    words.length >= 2 &&
    nerType === 'LOC' &&
    !SETTLEMENT_HEADS.has(words[words.length - 1]!) &&
    lookupKnown(words[0]!).some((m) => m.entry.subkind === 'company' && !m.entry.ambiguous)
  )
    return { kind: 'ORGANIZATION', known: null, cued: true };
  const last = words[words.length - 1] ?? '';
  // A sponsor's name before an event the knowledge base knows: "RBS Six Nations", "Barclays Premier League".
  for (let i = 1; i + 2 <= words.length && /^\p{Lu}/u.test(words[i - 1]!); i++) {
    const event = lookupKnown(words.slice(i).join(' ')).find((m) => m.entry.kind === 'EVENT' && !m.entry.ambiguous);
    if (event && nerType !== 'PER') return { kind: 'EVENT', known: event.entry };
  }
  // "Nintendo's DS handheld", "its Firefox browser": after a company's possessive, a name before a product noun is its product.
  if (nerType !== 'PER' && PRODUCT_NOUN_AFTER.test(after) && (possessorIs(before, cue, 'company') || (cue === 'its' && /\bits\s+$/.test(before))))
    return { kind: 'PRODUCT', known: null, cued: true };
  if (words.length >= 2 && (EVENT_HEADS.has(last) || EVENT_HEADS.has(`${words[words.length - 2]!} ${last}`)) && nerType !== 'PER')
    return { kind: 'EVENT', known: null };
  if (words.length >= 2 && WAR_HEADS.has(last) && nerType !== 'PER' && !words.some((w) => ORGANIZATION_NAME_HEADS.has(w)))
    return { kind: 'EVENT', known: null };
  // "Battle of Hastings", "Siege of Leningrad": a battle is an event, whatever place it is named after.
  if (BATTLE_NAME.test(surface)) return { kind: 'EVENT', known: null };
  // "Operation Vittles", "Operation Desert Storm": a military operation is an event, whatever its code word.
  if (OPERATION_NAME.test(surface)) return { kind: 'EVENT', known: null };
  // (No one's name ends in "Prize" or "Awards": "Nobel Prizes" is an award whatever NER said.)
  if (words.length >= 2 && (AWARD_HEADS.has(last) || AWARD_IN_FIELD.test(surface)) && (nerType !== 'PER' || AWARD_NEVER_SURNAMES.has(last)))
    return { kind: 'AWARD', known: null };
  // "Best Original Score", "Best Actor": an award's category (not "Best Buy", a shop).
  if (words.length >= 2 && words[0] === 'Best' && AWARD_CATEGORY_WORDS.has(words[1]!) && nerType !== 'PER') return { kind: 'AWARD', known: null };
  // "the Duke of Edinburgh said", "the Mayor of London would say sorry": a person called by a
  // title; no mention of its own where a name says who holds it ("William, the Duke of
  // Normandy", "the Mayor of London, Ken Livingstone").
  if (TITLE_OF_PLACE.test(surface))
    return { kind: NAME_THEN_COMMA_BEFORE.test(before) || COMMA_THEN_NAME_AFTER.test(after) ? null : 'PERSON', known: null, byTitle: true };
  // "Lord Callaghan", "Baroness Thatcher": a peer is a person, whatever NER called the title and surname.
  // ("Lord Chancellor", "Lady Mayoress": an office after the title; its holder, called by it, and
  // no mention of its own where a name says who holds it: "the Lord Chancellor, Lord Falconer".)
  if (words.length === 2 && PEER_NAME.test(surface) && PEER_OFFICES.has(words[1]!) && matches.length === 0)
    return { kind: NAME_THEN_COMMA_BEFORE.test(before) || COMMA_THEN_NAME_AFTER.test(after) ? null : 'PERSON', known: null, byTitle: true };
  if (words.length === 2 && PEER_NAME.test(surface) && /^\p{Lu}\p{Ll}/u.test(words[1]!) && matches.length === 0)
    return { kind: 'PERSON', known: null, cued: true };
  // "Marshall Plan", "Human Rights Act", "Kyoto Protocol": laws, treaties and plans are none of the kinds; they are left out.
  if (words.length >= 2 && LAW_HEADS.has(last)) return { kind: null, known: null };
  // "Kingdom of Poland", "Ottoman Empire": states, which are places, whatever NER called them.
  if (nerType !== 'PER' && STATE_NAME.test(surface)) return { kind: 'PLACE', known: null };
  // "Sports Personality of the Year", "European Footballer of the Year".
  if (words.length >= 4 && / of the Year$/.test(surface) && nerType !== 'PER') return { kind: 'AWARD', known: null };
  // (The head noun is evidence of its own, as an organization's is: "Emirates Stadium" NER doubted.)
  if (words.length >= 2 && ((PLACE_HEADS.has(last) && nerType !== 'PER') || FACILITY_HEADS.has(last))) return { kind: 'PLACE', known: null, cued: true };
  // No one's surname: "Ellis Island" is a place whatever NER thought.
  if (words.length >= 2 && (last === 'Island' || last === 'Islands') && !words.some((w) => ORGANIZATION_NAME_HEADS.has(w)))
    return { kind: 'PLACE', known: null };
  // "After the game Mourinho said …", "In the film Tom Hanks plays …": a person NER saw, who
  // speaks, or whom NER is sure of and who has a first name, starts a clause of their own after
  // the noun. (The list of first names holds "My" and "Secret": NER's doubt decides those.)
  // "plays the title role in Vera Drake": what a role is played in is a work, however much it sounds like a person.
  if ((cue === 'in' || cue === 'the') && TITLE_ROLE_BEFORE.test(before) && !/^[’']s\b/.test(after) && matches.length === 0)
    return { kind: 'WORK', known: null, cued: true };
  const person =
    nerType === 'PER' && (SPEECH_VERB_AFTER.test(after) || (words.length >= 2 && confidence >= SURE_PERSON && genderOfFirstName(words[0]!) !== null));
  if (!person && ((WORK_NOUNS.has(cue) && WORK_NOUN_BEFORE.test(before)) || (WORK_VERB_NOUNS.has(cue) && WORK_VERB_NOUN_BEFORE.test(before))))
    return { kind: 'WORK', known: null, cued: true };
  // "the Seattle label Sub Pop", "Dutch firm Heineken": a body's noun just before a name NER
  // doubted, or one that opens with no first name, makes it the body's, in its other mentions too.
  if (
    BODY_NOUNS.has(cue) &&
    BODY_NOUN_BEFORE.test(before) &&
    matches.length === 0 &&
    (nerType !== 'PER' || confidence < WEAK_NER || genderOfFirstName(words[0]!) === null)
  )
    return { kind: 'ORGANIZATION', known: null, cued: true, defined: true };
  // What is said of a film after its name: "Vera Drake, starring Imelda Staunton", "… topped the
  // US box office", "… grossed $373m"; and the film an award was for ("an Oscar for Boys Don't Cry").
  // "Mounjaro, made by Eli Lilly", "Casgevy, developed by Vertex": what a company makes is a product.
  if (nerType !== 'PER' && matches.length === 0 && MADE_BY_AFTER.test(after)) return { kind: 'PRODUCT', known: null, cued: true };
  // "published in Nature", "the journal Science": a journal, which is a publisher's title as a paper's is.
  if (nerType !== 'PER' && matches.length === 0 && (cue === 'in' || cue === 'the' || cue === 'journal') && JOURNAL_BEFORE.test(before))
    return { kind: 'ORGANIZATION', known: null, cued: true };
  // "OK Computer (1997)", "One Hundred Years of Solitude (1967)": a year in brackets after a
  // name no one knows is a work's (a person's dates are a span, "(1867–1934)").
  if (nerType !== 'PER' && matches.length === 0 && YEAR_IN_BRACKETS_AFTER.test(after)) return { kind: 'WORK', known: null, cued: true };
  if (FILM_AFTER.test(after) || (!person && cue === 'for' && !/^Best\b/.test(surface) && FILM_AWARD_FOR_BEFORE.test(before)))
    return { kind: 'WORK', known: null, cued: true };
  // "director of" and "wrote" also come before bodies and their staff ("director of the
  // Conference Board", "wrote S&P credit analyst X").
  if (
    !person &&
    WORK_VERB_ENDS.has(cue) &&
    WORK_VERB_BEFORE.test(before) &&
    !words.some((w) => ORGANIZATION_NAME_HEADS.has(w)) &&
    !ROLE_AND_NAME_AFTER.test(after)
  )
    return { kind: 'WORK', known: null, cued: true };
  if (nerType !== 'PER' && ((cue === 'the' && POSSESSIVE_THE_BEFORE.test(before)) || broadcastersShow(surface, before, cue)))
    return { kind: 'WORK', known: null, cued: true };
  // "Clint Eastwood's Million Dollar Baby": a name of several words after a person's possessive
  // is their work, unless a word of it says it is a body ("Rupert Murdoch's News Corporation").
  if (
    (nerType === 'ORG' || nerType === 'MISC') &&
    words.length >= 2 &&
    !words.some((w) => ORGANIZATION_NAME_HEADS.has(w) || BUSINESS_NAME_WORDS.has(w)) &&
    possessorIsPerson(before, cue)
  )
    return { kind: 'WORK', known: null, cued: true };
  // What the name's own words say, where nothing around it said otherwise.
  if (
    words.length >= 2 &&
    STRUCTURE_HEADS.has(last) &&
    !(nerType === 'PER' && !NO_SURNAME_HEADS.has(last) && words.slice(0, -1).some((w) => genderOfFirstName(w) !== null)) &&
    !(nerType === 'ORG' && BODY_TOO_HEADS.has(last)) &&
    // ("How Green Was My Valley": a title's words, no place's name.)
    !words.some((w) => POSSESSIVE_DETERMINERS.has(w)) &&
    !words.some((w) => ORGANIZATION_NAME_HEADS.has(w))
  )
    return { kind: 'PLACE', known: null, cued: true };
  // "Hyde Park", "Yosemite National Park" (but "Queen's Park" plays football: a park NER took for a body is one, unless a park's own word says not).
  if (
    words.length >= 2 &&
    last === 'Park' &&
    (nerType === 'LOC' || PARK_KINDS.has(words[words.length - 2]!)) &&
    !words.some((w) => ORGANIZATION_NAME_HEADS.has(w))
  )
    return { kind: 'PLACE', known: null, cued: true };
  if (words.length >= 2 && CRAFT_HEADS.has(last)) return { kind: 'PRODUCT', known: null };
  if (words.length >= 2 && nerType !== 'ORG' && REGION_HEADS.has(last)) return { kind: 'PLACE', known: null, cued: true };
  if (words.length >= 2 && nerType === 'PER' && CENTRE_HEADS.has(last)) return { kind: 'PLACE', known: null, cued: true };
  if (nerType === 'PER' && opensPlaceName(surface)) return { kind: 'PLACE', known: null };
  // "Nevado Mismi", "Lake Victoria": a natural feature's word opening a name no body's word is in.
  if (
    nerType === 'ORG' &&
    matches.length === 0 &&
    FEATURE_OPENERS.has(words[0]!) &&
    words.length >= 2 &&
    !words.some((w) => ORGANIZATION_NAME_HEADS.has(w) || BUSINESS_NAME_WORDS.has(w) || CORPORATE_SUFFIXES.has(w))
  )
    return { kind: 'PLACE', known: null };
  // "Murray Energy", "Alfa Group", "Rolls-Royce Holdings": the suffix is evidence of its own,
  // whatever NER's doubt or type.
  if (words.length >= 2 && CORPORATE_SUFFIXES.has(last)) return { kind: 'ORGANIZATION', known: null, cued: true };
  // "Ventures Platform", "Holdings Bhd Nominees": a firm's plural noun inside a name NER took for a
  // person's who has no first name (no title is one: "Energy Minister" is not plural).
  if (nerType === 'PER' && words.length >= 2 && genderOfFirstName(words[0]!) === null && words.some((w) => w.endsWith('s') && CORPORATE_SUFFIXES.has(w)))
    return { kind: 'ORGANIZATION', known: null, cued: true };
  // "Eminem's new album": a place has no albums or tours; a singer does.
  if (nerType === 'LOC' && matches.length === 0 && ARTIST_WORK_AFTER.test(after)) return { kind: 'PERSON', known: null, cued: true };
  // "Shigeru Ishiba became Prime Minister", "… was appointed chief executive": only a person takes
  // an office (not "… became a member", which a country or a club does too; not a place NER was
  // sure of or a list knows, nor "a leader in cloud security", which a firm or a state is named too).
  if (
    (nerType === 'ORG' || nerType === 'MISC' || (nerType === 'LOC' && confidence < WEAK_NER && lookupPlace(surface) === undefined)) &&
    matches.length === 0 &&
    TOOK_OFFICE_AFTER.test(after) &&
    tookOffice(after)
  )
    return { kind: 'PERSON', known: null, cued: true };
  // "GitHub", "YorubaVoice": one word with a capital inside that NER doubted as a person or a
  // place is a brand ("McAllister", "DiCaprio", "KwaZulu", first names such as "LeBron", and what
  // NER was sure of, "MrBeast", "PyeongChang", stay).
  if (words.length === 1 && (nerType === 'PER' || nerType === 'LOC') && confidence < WEAK_NER && matches.length === 0 && isBrandWord(surface))
    return { kind: 'ORGANIZATION', known: null };
  return { kind: ner, known: null };
}

/** Verbs of taking or holding an office. */
const TOOK_OFFICE_VERBS = '(?:became|becomes|was (?:elected|appointed|named|made|sworn in as)|is (?:elected|appointed|named)|served as|serves as)';
/** Such a verb just after a name: a cheap test before the office's words are read. */
const TOOK_OFFICE_AFTER = new RegExp(`^\\s+${TOOK_OFFICE_VERBS}\\s`);
/** The verb, an article (group 1) and the office's words (group 2) up to a preposition or punctuation. */
const OFFICE_WORDS_AFTER = new RegExp(
  `^\\s+${TOOK_OFFICE_VERBS}\\s+(the\\s+|an?\\s+)?((?:[\\p{L}-]+\\s+){0,3}?[\\p{L}-]+)(?=\\s+(?:of|in|for|at|to|from|until|after|before|and|when|on)\\b|[,.;]|$)`,
  'u',
);
/** Roles a firm or a state is called too, after "a": "named a leader in cloud security". */
const ROLES_OF_BODIES_TOO = new Set(['leader', 'official', 'partner']);

/** Whether the office after the verb ends in a role only a person holds ("Prime Minister", "chief executive", "party leader"). */
function tookOffice(after: string): boolean {
  const match = OFFICE_WORDS_AFTER.exec(after);
  if (!match) return false;
  const office = match[2]!;
  const last = office.slice(office.lastIndexOf(' ') + 1).toLowerCase();
  if (match[1]?.startsWith('a') && ROLES_OF_BODIES_TOO.has(last)) return false;
  return PERSON_ROLES.has(last);
}

/**
 * Words after a company's name that make a body of it, not a product: its divisions and arms
 * (besides the heads and business words of the lexicon, which say so too).
 */
const DIVISION_WORDS = new Set(
  'Research Labs Lab AI Brain Motor Europe Asia Africa America Americas Global Digital Health Music Games Financial Finance Insurance Cargo Express Retail Store'.split(
    ' ',
  ),
);
/** A model's number: letters and digits in one word ("A380", "RAV4") or three or four digits ("747"). */
const MODEL_NUMBER = /^(?:\p{L}+\d[\p{L}\d-]*|\d+\p{L}[\p{L}\d]*|\d{3,4})$/u;

/** A company's name the knowledge base knows opening the words, then words that name no body, division, event or country. */
function companyThenProduct(words: readonly string[]): boolean {
  for (let n = words.length - 1; n >= 1; n--) {
    const company = lookupKnown(words.slice(0, n).join(' ')).some((m) => m.entry.subkind === 'company' && !m.entry.ambiguous);
    if (!company) continue;
    const rest = words.slice(n);
    return rest.every(
      (w) =>
        /^\p{Lu}|^\d|^[a-z]+\p{Lu}/u.test(w) &&
        !DIVISION_WORDS.has(w) &&
        !ORGANIZATION_NAME_HEADS.has(w) &&
        !BUSINESS_NAME_WORDS.has(w) &&
        !CORPORATE_SUFFIXES.has(w) &&
        !SETTLEMENT_HEADS.has(w) &&
        !EVENT_HEADS.has(w) &&
        // (A car may bear a city's name, "Hyundai Tucson"; a company's arm a country's.)
        !lookupPlace(w)?.country &&
        lookupKnown(w).every((m) => m.entry.kind === 'PLACE' && m.entry.subkind === 'city'),
    );
  }
  return false;
}

/** A word with a capital after lower-case letters that no surname or place prefix explains: "GitHub", "DeepMind". */
const BRAND_WORD = /^\p{Lu}\p{Ll}+\p{Lu}[\p{L}\d]*$/u;
const NAME_PREFIXES = /^(?:Mc|Mac|Di|De|Da|Du|Del|Della|La|Le|Lo|Van|Von|Fitz|Kwa|Al|El|Ben|Abu|Ter|Ten)\p{Lu}/u;

function isBrandWord(word: string): boolean {
  return BRAND_WORD.test(word) && !NAME_PREFIXES.test(word) && genderOfFirstName(word) === null;
}

/** A name of two words or more whose first word opens place names and no person's: "San Marzano", "Fort Worth". */
export function opensPlaceName(surface: string): boolean {
  const space = surface.indexOf(' ');
  return space > 0 && PLACE_NAME_OPENERS.has(surface.slice(0, space));
}

/**
 * "Channel 4's Big Brother", "the BBC's Panorama": after a broadcaster's or a paper's
 * possessive, a name that is not a person is one of its programmes or features, unless it reads
 * as part of the broadcaster ("the BBC's World Service", "Channel 4 News", "BBC's Radio 4").
 */
function broadcastersShow(surface: string, before: string, cue: string): boolean {
  // "the BBC's Elizabeth Blunt" (NER sometimes calls a correspondent an organization).
  if (cue !== 's' || BROADCASTER_OWN.test(surface) || genderOfFirstName(surface.split(' ')[0]!) !== null) return false;
  return possessorIs(before, cue, 'media');
}

/** Whether `before` ends with the possessive of an organization of this subkind the knowledge base knows ("Channel 4's"). */
function possessorIs(before: string, cue: string, subkind: string): boolean {
  const possessor = cue === 's' ? POSSESSOR_BEFORE.exec(before)?.[1] : undefined;
  if (!possessor) return false;
  const words = possessor.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const name = words.slice(i).join(' ');
    if (lookupKnown(name).some((m) => !m.demonym && m.entry.kind === 'ORGANIZATION' && m.entry.subkind === subkind)) return true;
  }
  return false;
}

/**
 * Whether a person's possessive comes just before: a first name the list knows, then capitalised
 * surnames, none of which names a body or a place ("Clint Eastwood's"; not "The Fabian Society's").
 */
function possessorIsPerson(before: string, cue: string): boolean {
  const possessor = cue === 's' ? POSSESSOR_BEFORE.exec(before)?.[1] : undefined;
  if (!possessor) return false;
  const all = possessor.split(/\s+/);
  // A title may come first ("Director Maria Lind's").
  const first = all.findIndex((w, i) => i < all.length - 1 && genderOfFirstName(w) !== null);
  if (first < 0) return false;
  const words = all.slice(first);
  return !words.some(
    (w) =>
      /\d/.test(w) ||
      ORGANIZATION_NAME_HEADS.has(w) ||
      BUSINESS_NAME_WORDS.has(w) ||
      lookupKnown(w).some((m) => m.entry.kind === 'ORGANIZATION' || m.entry.kind === 'PLACE'),
  );
}

/** Roles only a person holds ("leader" but not "official", which is also an adjective, nor "analyst", "partner" or "owner", which firms are too). */
const PERSON_ROLES = new Set([
  'minister',
  'secretary',
  'adviser',
  'advisor',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'president',
  'chairman',
  'chairwoman',
  'chairperson',
  'executive',
  'leader',
  'governor',
  'ambassador',
  'senator',
  'chancellor',
  'professor',
  'correspondent',
  'founder',
  'commissioner',
  'mayor',
  'envoy',
  'negotiator',
  'premier',
  'judge',
  'lawyer',
  'attorney',
  'prosecutor',
  'researcher',
  'scientist',
  'campaigner',
  'activist',
  'captain',
  'coach',
  'skipper',
  'striker',
  'midfielder',
  'defender',
  'goalkeeper',
  'winger',
  'presenter',
  'boss',
  'candidate',
  'economist',
  'official',
  'officer',
  'director',
]);
/** The name goes on in the next word ("leader Nicola" + "Sturgeon"): what it is is decided with its rest. */
const CAPITALISED_WORD_AFTER = /^\s+\p{Lu}/u;
/** A role a company holds too, before its name: "market leader Tesco", "fund manager Fidelity", "legal adviser Freshfields", "takeover candidate …". */
const COMPANY_ROLE_BEFORE =
  /\b(?:market|industry|world|sector|global|category|fund|asset|investment|hedge|venture|financial|legal|tax|takeover|bid)\s+[a-z-]+\s+$/i;

/** At or above this NER confidence, a name labelled a person that opens with a first name is one, whatever noun comes before it. */
const SURE_PERSON = 0.9;

/** What a company does in the words just after its name ("Amazon reported strong sales", "Apple shares rose"), and a river or a fruit does not. */
const COMPANY_AFTER =
  /^(?:[’']s)?\s+(?:(?:has |have |had |also |said it )?(?:reported|posted|announced|launched|sold|bought|acquired|cut|hired|shipped)\b|(?:shares?|stock|sales|profits?|revenues?|customers|users|subscribers|chief executive|boss|website|site|store)\b)/;

/** Below this NER confidence, the knowledge base may overrule NER even for an ambiguous name. */
const WEAK_NER = 0.75;
