/**
 * Small closed word lists the entity rules rely on: role nouns, titles, institution nouns and
 * function words. They describe English news style, not any particular article.
 */

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/** A band member's part, which the band's name comes before: "Coldplay frontman Chris Martin". */
export const BAND_ROLES = words(`frontman frontwoman singer vocalist guitarist bassist drummer keyboardist`);

/** Nouns that head a role phrase ("foreign minister", "press secretary"), lower case, singular. */
export const ROLE_HEADS = words(`
  minister secretary adviser advisor spokesperson spokesman spokeswoman president vice-president
  chairman chairwoman chair chairperson chief director executive leader head governor ambassador
  senator chancellor official officer analyst economist professor editor correspondent founder
  co-founder manager commissioner mayor general envoy negotiator deputy premier king queen prince
  princess judge lawyer attorney counsel strategist aide representative delegate mp mep candidate
  boss owner partner treasurer inspector commander captain ceo cfo coo secretary-general prosecutor
  researcher scientist expert consultant campaigner activist lobbyist administrator controller
  auditor whip pope bishop archbishop cardinal sheikh emir sultan dean principal sheriff colonel
  admiral marshal lieutenant sergeant diplomat regulator governor-general president-elect economist
  strategist presenter host author chancellor-elect superintendent coordinator organiser organizer
  architect shareholder investor banker trader broker member exchequer
  coach skipper striker midfielder defender goalkeeper winger fly-half scrum-half full-back centre-back
  rapper ${[...BAND_ROLES].join(' ')}
`);

/** Plural nouns for a group of people speaking for an organization or place ("NATO members"). */
export const GROUP_NOUNS = words(`
  members officials leaders ministers diplomats spokesmen sources representatives executives analysts
  negotiators lawmakers mps meps authorities campaigners economists experts critics officers
  bosses chiefs directors advisers advisors aides envoys delegates senators governments forces
  troops investors shareholders workers unions staff employees spokespeople insiders
`);

/** Courtesy titles: stripped from names and never kept as a role. */
export const HONORIFICS = words(
  `Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Rev Revd Rt Hon Fr Mr. Mrs. Ms. Dr. Rev. Prof Prof. Monsieur Madame Mademoiselle Herr Frau Señor Señora Signor Signora`,
);

/**
 * Titles of local offices, the police and kin that end the title before a name ("Assemblymember
 * Rivas", "Detective Ishikawa", "Uncle Salim"); they are title words too. (Not "Constable",
 * "Sheriff" or "Alderman", which are surnames as often: "John Constable".)
 */
export const LOCAL_AND_KIN_TITLES = words(`
  Councillor Councilman Councilwoman Councilmember Congressman Congresswoman Assemblyman
  Assemblywoman Assemblymember Detective Inspector Superintendent Uncle Aunt Auntie Grandma Grandpa
`);

/**
 * Capitalised words that can open a person's name as a title ("Prime Minister", "Foreign
 * Secretary", "President"). A person mention that starts with them has them stripped.
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  ...LOCAL_AND_KIN_TITLES,
  ...words(`
  President Vice Prime Minister Chancellor Secretary Senator Sen Sen. Rep Rep. Representative
  Governor Gov Gov. Mayor Ambassador General Gen Gen. Colonel Col Col. Captain Capt Capt.
  Lieutenant Lt Lt. Sergeant Sgt Sgt. Admiral Judge Justice King Queen Prince Princess Pope
  Chairman Chairwoman Chief Executive Commissioner Deputy Foreign Home Shadow Defence Defense
  Finance Interior Trade Industry Health Education Culture Environment Treasury Attorney Premier
  Sheikh Emir Archbishop Bishop Cardinal Prophet Rabbi Imam Coach Director Speaker Leader Spokesman Spokeswoman
  Professor Former Acting Chief Opposition Labour Tory Conservative Democrat Republican Senior Treasurer Boss
  Economic Agriculture Transport Justice Work Pensions Energy Minister-President First Security
  Economy Culture Media Sport Development International National Exchequer MP MEP MSP AM
`),
]);

/** Lower-case nouns that end an institution's name ("the national security council"). */
export const INSTITUTION_HEADS = words(`
  council committee commission department ministry agency office bureau board authority service
  parliament assembly senate congress court tribunal directorate secretariat inspectorate
  regulator executive cabinet
`);

/** Capitalised last words that make an unlabelled or MISC name an organization. */
export const ORGANIZATION_NAME_HEADS = words(`
  Council Committee Commission Department Ministry Agency Office Bureau Board Authority Service
  Parliament Assembly Senate Congress Court Tribunal Union Party Bank Organisation Organization
  Association Federation Institute Institution Foundation Fund Group Corporation Corp Corp. Company
  Co Inc Inc. Ltd Ltd. plc PLC Trust Alliance Society League Coalition Forum Network Airlines
  Airways Motors Exchange Commissioners Executive Cabinet Treasury Army Navy Police Club
  University College Unit Laboratory School Academy Library
`);

/** Words of company and club names that are not heads of a body's name ("News International", "Express Newspapers", "Aston Villa FC"). */
export const BUSINESS_NAME_WORDS = words(`
  International Holdings Media Chambers Associates Solicitors Consulting Partnership Newspapers
  Television Records Entertainment Pictures Studios Capital Partners Investments Industries
  Enterprises Atlantic Brothers Bros Communications Telecom Energy Foods Stores Football FC United
  City Rovers Wanderers Athletic
`);

/**
 * Last words only companies' names end with: a name NER took for a person's that ends with one
 * is a company's ("Murray Energy"). (Not "Chambers", "Bank" or "City": "Dwain Chambers", "West Bank".)
 */
export const CORPORATE_SUFFIXES = words(`
  Inc Inc. Corp Corp. Corporation Ltd Ltd. plc PLC Group Holdings Industries Enterprises
  Communications Telecom Energy Foods Stores Investments Partners Associates Solicitors Consulting
  Airlines Airways Motors Securities Systems Technologies Software Pharmaceuticals Electronics
  Pictures Studios Records Entertainment Services
  Robotics Analytics Labs Therapeutics Biosciences Networks Solutions Logistics Dynamics Ventures
  Homes Properties Developments
  Co Co. AG GmbH LLC LLP SpA
`);

/** Offices written after a peer's title, no peer's name: "Lord Chancellor", "Lady Mayoress", "Lord Provost of Glasgow". */
export const PEER_OFFICES = words(
  `Chancellor Mayor Mayoress Provost Chief Justice Advocate Lieutenant President Speaker Privy Chamberlain Steward Protector High Bishop`,
);

/** Peers' titles, as a pattern's alternatives: every rule that reads a peer reads these. */
export const PEER_TITLE_WORDS = 'Lord|Lady|Baroness|Baron|Viscount';
/** A peer's title and name: "Lord Callaghan", "Baroness Scotland". */
export const PEER_NAME = new RegExp(`^(?:${PEER_TITLE_WORDS}) \\p{Lu}`, 'u');

/** Months and days, capitalised words that are first names too ("June", "August") and stand before names ("Monday Acme Corp said"). */
export const CALENDAR_WORDS: ReadonlySet<string> = words(
  `January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday`,
);

/** Initials that end a sports club's name: "Sporting CP", "Everton FC". */
export const CLUB_SUFFIXES = words(`FC AFC CF CP SC SK BK FK`);

/**
 * Last words that say a name is a company's (or a club's): without them it is still the company
 * ("Jupiter" for "Jupiter Research", "Sporting" for "Sporting CP"). Besides the suffixes only
 * companies end with, words of other names too.
 */
export const COMPANY_NAME_TAILS: ReadonlySet<string> = new Set([
  ...BUSINESS_NAME_WORDS,
  ...CORPORATE_SUFFIXES,
  ...CLUB_SUFFIXES,
  ...words(`Company Co Bank Motor Research Pharma`),
]);

/**
 * Buildings and places that stand for their institution in news copy ("the White House said").
 * They are organizations even when NER labels them locations.
 */
export const INSTITUTION_PLACES = new Set([
  'White House',
  'Kremlin',
  'Pentagon',
  'Downing Street',
  'Whitehall',
  'Elysee',
  'Élysée',
  'Elysée',
  'Quai d’Orsay',
  'Capitol Hill',
  'Holyrood',
  'Westminster',
  'Number 10',
  'No 10',
  'Vatican',
  'Bundestag',
  'Duma',
  'Knesset',
  'Congress',
  'Parliament',
]);

/**
 * First words of place names that open no person's name ("Santa Cruz", "Los Alamos", "Fort
 * Worth", "Mount Kenya"): a name NER took for a person's that starts with one is a place.
 */
export const PLACE_NAME_OPENERS = words(`San Santa Santo São Sao Los Las Fort Mount Cape Puerto Porto Greater Lake Cordillera Nevado`);

/**
 * Function words and frequent verbs: a role phrase never runs across them, and they are not
 * names when capitalised at the start of a sentence.
 */
export const FUNCTION_WORDS = words(`
  a an the this that these those his her its their our my your whose which who whom what when where
  while why how and or but nor so yet if then than as at by for from in into of off on onto out over
  to under up upon with within without about above across after against along among amid around
  before behind below beneath beside besides between beyond despite down during except inside like
  near since through throughout toward towards until via per be is are was were been being am has
  have had having do does did will would shall should can could may might must not no also only
  just even still already again said says say told tells tell added adds asked asks stated states
  announced announces warned warns insisted claimed believes believed according it he she they we
  i you him them us me there here all any each every some both either neither such other another
  more most many much few several one two three four five last first next new according including
  called named appointed elected meanwhile however therefore although though because whether
  again ago yesterday today tomorrow week year month day
  whoever whatever whichever everyone everybody everything someone somebody something anyone anybody
  anything nobody nothing none
`);

/** Role heads a body holds as often as a person: "the shareholder Jardine Matheson", "adviser Lazard". */
export const ROLES_BODIES_HOLD = words(`
  shareholder investor owner partner host broker auditor regulator consultant member adviser
  advisor manager administrator sponsor
`);

/** Words before a name that may continue a role phrase only between capitalised words. */
export const ROLE_JOINERS = words(`of and & for`);

/** True if the word (any case) is a role head, including hyphenated forms ("secretary-general"). */
export function isRoleHead(word: string): boolean {
  const w = word.toLowerCase();
  if (ROLE_HEADS.has(w)) return true;
  const dash = w.lastIndexOf('-');
  return dash > 0 && ROLE_HEADS.has(w.slice(dash + 1));
}

/** A verb of speech just after a name: works do not speak, and "the Spaniard said" makes the nationality word its phrase's head. */
export const SPEECH_VERB_AFTER = /^\s+(?:said|says|told|tells|added|adds|insisted|admitted|claimed|warned|explained|argued|replied|recalled|stressed)\b/;

/** A person's relation to someone, just before that someone's name: "adviser to ", "wife of ". */
export const PERSONAL_RELATION = /\b(?:adviser|advisor|aide|assistant|wife|husband|son|daughter|widow|brother|sister|father|mother) (?:to|of) $/;

/** A courtesy title just before a name: "Mr ", "Dr. ", "Sir " (of "Sir Digby Jones"). */
export const COURTESY_TITLE_BEFORE = /(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Prof)\.? $/u;
