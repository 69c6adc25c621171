/**
 * What a sentence defines a name as: "Toyota Motor Corporation is a Japanese multinational
 * automotive manufacturer", "Fei-Fei Li is a Chinese-American computer scientist", "The Lord of
 * the Rings is an epic high fantasy novel", "Mount Kilimanjaro is a dormant volcano"; and, after a comma,
 * "Radiohead, an English rock band". Reference works and profiles open this way, news
 * introduces people and firms this way, and the noun says the kind more surely than the name's
 * own look does ("Fei-Fei Li" reads like nothing NER knows).
 */
import type { EntityKind } from '../types.js';

const kinds = (kind: EntityKind, list: string): [string, EntityKind][] =>
  list
    .trim()
    .split(/\s+/)
    .map((w) => [w, kind]);

/**
 * Head nouns of a definition, lower case, singular and plural, and the kind each gives. Only
 * nouns that name nothing else: not "group" (an ethnic group), "record" (a sports record),
 * "model" (a person or a product), "broadcaster", "producer" or "manager" (a person or a
 * company), "official" (mostly an adjective), "state". One that is an adjective too ("general", "capital", "musical") is a head
 * only when no noun follows it (see `definedKind`).
 */
const HEADS: ReadonlyMap<string, EntityKind> = new Map([
  ...kinds(
    'PERSON',
    `physicist physicists chemist chemists scientist scientists mathematician mathematicians biologist
     writer writers author authors novelist novelists poet poets playwright screenwriter journalist journalists
     actor actors actress actresses singer singers songwriter singer-songwriter musician musicians rapper
     composer conductor pianist guitarist drummer comedian comedienne dancer painter sculptor photographer
     politician politicians statesman stateswoman diplomat lawyer barrister judge economist philosopher
     historian theologian businessman businesswoman entrepreneur industrialist banker investor engineer
     inventor architect explorer astronaut aviator physician surgeon psychologist psychiatrist
     professor footballer footballers cricketer cyclist cyclists athlete athletes sprinter boxer golfer
     swimmer jockey coach midfielder striker goalkeeper defender
     activist campaigner philanthropist aristocrat monarch emperor empress king queen pharaoh
     pope bishop archbishop priest monk nun rabbi imam general admiral soldier officer spy
     director filmmaker film-maker presenter chef designer
     spokesman spokeswoman spokesperson executive founder
     co-founder chairman chairwoman minister senator congressman congresswoman MP MEP
     man woman teenager student teacher nurse doctor farmer pensioner
     schoolteacher lecturer scholar academic researcher linguist anthropologist
     sociologist astronomer geologist botanist zoologist ecologist geneticist neuroscientist
     epidemiologist virologist illustrator cartoonist animator blogger vlogger podcaster influencer
     vocalist bassist cellist violinist saxophonist trumpeter coachman merchant fisherman shopkeeper
     midwife grandmother grandfather girl boy schoolgirl schoolboy son daughter mother father wife
     husband sister brother widow widower orphan`,
  ),
  ...kinds(
    'ORGANIZATION',
    `company companies corporation multinational conglomerate manufacturer manufacturers carmaker automaker
     firm firms bank banks lender insurer retailer supermarket airline airlines publisher label
     studio brewery distillery newspaper magazine tabloid band bands duo trio quartet
     orchestra choir club clubs team teams franchise university universities college school academy
     institute laboratory charity foundation party parties agency agencies ministry department regulator
     organisation organization organisations organizations union federation association alliance coalition
     consortium cooperative co-operative think-tank militia army navy church denomination maker makers
     network chain operator startup start-up subsidiary`,
  ),
  ...kinds(
    'PLACE',
    `city cities town towns village villages country countries nation province provinces region regions
     county counties district districts municipality municipalities borough suburb neighbourhood
     neighborhood capital river rivers lake lakes mountain mountains volcano volcanoes island islands
     archipelago peninsula desert valley sea ocean bay gulf strait glacier plateau continent
     territory commune parish port harbour seaport`,
  ),
  ...kinds(
    'WORK',
    `novel novels book books film films movie movies album albums song songs poem poems
     play opera operas musical painting paintings sculpture sitcom documentary manuscript manuscripts
     novella memoir biography autobiography anthology trilogy series`,
  ),
  ...kinds('PRODUCT', `car cars smartphone smartphones handset console consoles vaccine drug drugs aircraft airliner`),
]);

/** What a definition's text opens with: a copula, a comma and an article, or a bracket. */
const OPENS_DEFINITION = /^(?: (?:is|was|are|were) |, an? |\s*\()/;
/**
 * Where the head is to be looked for: after a copula and "a", "an", "the" or "one of the"
 * ("is a", "was the", "are one of the"), with a bracket between name and verb allowed ("(1867 –
 * 1934) was"); or after a comma and "a" or "an" (an apposition). Not after "the" in an
 * apposition: ", the company said" is a clause of its own.
 */
const DEFINITION = /^(?:\s*\([^()\n]{0,80}\))?(?:\s+(?:is|was|are|were)\s+(?:one of the\s+|an?\s+|the\s+)|,\s+an?\s+)([^\n.;:!?()]{0,90})/;
/** Words that end the noun phrase of a definition: what follows is said of the head, not part of it. */
const PHRASE_ENDS = new Set(
  (
    'of in for who that which whose based headquartered founded formed from with by at on to known best famous called named where when ' +
    'since after before as than but or while across over near around between under about within including into among against along ' +
    'through during per via like beyond despite towards toward upon is are was were has have had will would can could should may might must do does did'
  ).split(' '),
);
/** Words that open a clause after a comma: the definition's noun phrase has ended. */
const CLAUSE_OPENERS = new Set('the a an this that these those his her its their our my your he she it they we i and or but who which'.split(' '));
/** A preposition just before the name: then the name is not what the sentence defines ("The war in Iraq was a disaster"). */
const PREPOSITION_BEFORE = /\b(?:in|of|for|with|about|by|from|to|at|on|against|over|under|between|into|than|like|as)\s+(?:the\s+)?$/i;
/** At most this many words between the article and the head: "a Polish and naturalised-French physicist". */
const MAX_WORDS = 7;

/** The kind a head noun names ("carmaker" → ORGANIZATION, "city" → PLACE), or undefined. */
export function kindOfHeadNoun(noun: string): EntityKind | undefined {
  return HEADS.get(noun);
}

/**
 * The kind a definition just after a name gives it, or null. `after` is the text after the
 * name, `before` the text before it (a copula's subject is not the object of a preposition).
 */
export function definedKind(before: string, after: string): EntityKind | null {
  // Cheap tests first: most names are followed by neither a copula, an apposition nor a bracket.
  if (!OPENS_DEFINITION.test(after)) return null;
  const match = DEFINITION.exec(after);
  if (!match) return null;
  if (!match[0].includes(',') && PREPOSITION_BEFORE.test(before)) return null;
  let kind: EntityKind | null = null;
  /** An "and" followed the head found so far. */
  let coordinated = false;
  const words = match[1]!.split(/\s+/);
  for (let i = 0; i < words.length && i < MAX_WORDS; i++) {
    const raw = words[i]!;
    const ends = raw.endsWith(',');
    const word = ends ? raw.slice(0, -1) : raw;
    const lower = word.toLowerCase();
    if (PHRASE_ENDS.has(lower)) break;
    // The last head noun of the phrase is its head: "a band drummer" is a person, "a rock band"
    // a group, "a drug dealer" neither (a noun after a head makes the head a modifier; a verb
    // form, "a rock band formed in …", ends the phrase).
    // ("a series of islands" is no work.)
    const head = lower === 'series' && words[i + 1] === 'of' ? undefined : HEADS.get(word === word.toUpperCase() && word.length > 1 ? word : lower);
    if (head) kind = head;
    else if (word === 'and') coordinated = kind !== null;
    else if (kind !== null && /^\p{Ll}/u.test(word)) {
      // "a British chemist and X-ray crystallographer": a noun after "and" is a second head, not the first one's.
      if (/(?:ed|ing)$/.test(word) || coordinated) break;
      kind = null;
    }
    // "a two-door, rear-engine economy car": a comma between modifiers, before the head, goes on
    // ("a good deal, the company said" does not: a determiner starts a clause).
    if (ends && (kind !== null || !/^\p{Ll}/u.test(words[i + 1] ?? '') || CLAUSE_OPENERS.has(words[i + 1]!))) break;
  }
  return kind;
}
