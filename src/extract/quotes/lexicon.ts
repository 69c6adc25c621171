/**
 * Word lists the attribution rules rest on. Everything is lower case; nothing here names a
 * particular person, organisation or corpus.
 */

/** Regular speech/attribution verbs (base form); inflections are generated below. */
const REGULAR_CUE_VERBS = [
  'add', 'state', 'announce', 'warn', 'insist', 'note', 'explain', 'argue', 'claim', 'declare',
  'assert', 'ask', 'respond', 'continue', 'recall', 'acknowledge', 'suggest', 'predict', 'threaten',
  'vow', 'promise', 'urge', 'tweet', 'post', 'joke', 'recount', 'remark', 'comment', 'concede',
  'complain', 'boast', 'charge', 'contend', 'observe', 'report', 'emphasize', 'emphasise', 'stress',
  'conclude', 'caution', 'pledge', 'repeat', 'reiterate', 'shout', 'yell', 'chant', 'proclaim',
  'describe', 'call', 'label', 'dub', 'brand', 'accuse', 'demand', 'mock', 'lament', 'maintain',
  'allege', 'confirm', 'agree', 'wonder', 'muse', 'tout', 'hail', 'praise', 'dismiss', 'counter',
  'retort', 'answer', 'exclaim', 'blast', 'deride', 'decry', 'denounce', 'question', 'interject',
  'confess', 'reveal', 'echo', 'whisper', 'scream', 'mutter', 'quote', 'cite', 'thank', 'assure',
  'inform', 'advise', 'implore', 'plead', 'recommend', 'concur', 'affirm', 'aver', 'opine',
  'grumble', 'scoff', 'sneer', 'tease', 'chide', 'scold', 'criticize', 'criticise', 'email',
  'text', 'message', 'recite', 'sing', 'testify', 'reply', 'deny', 'cry', 'admit', 'quip',
  'snap', 'refer', 'term', 'title', 'entitle', 'characterize', 'characterise', 'predict', 'read',
  'exhort', 'liken', 'chime', 'lash',
];

/** Irregular or spelling-changing forms. */
const IRREGULAR_CUE_FORMS = [
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'write', 'writes', 'wrote',
  'written', 'writing', 'sing', 'sang', 'sung', 'reads', 'reading', 'read',
  'reply', 'replies', 'replied', 'replying', 'deny', 'denies', 'denied', 'denying', 'testify',
  'testifies', 'testified', 'testifying', 'cry', 'cries', 'cried', 'crying',
  'admit', 'admits', 'admitted', 'admitting', 'quip', 'quips', 'quipped', 'quipping',
  'snap', 'snapped', 'snaps', 'refer', 'refers', 'referred', 'referring', 'dub', 'dubbed',
  'dubbing', 'dubs', 'label', 'labelled', 'labelling', 'labeled', 'labeling', 'labels',
  'retort', 'retorted', 'retorts', 'put', 'puts',
];

function inflect(base: string): string[] {
  const forms = [base];
  if (base.endsWith('e')) forms.push(base + 's', base + 'd', base.slice(0, -1) + 'ing');
  else if (/(?:s|sh|ch|x|z)$/.test(base)) forms.push(base + 'es', base + 'ed', base + 'ing');
  else forms.push(base + 's', base + 'ed', base + 'ing');
  return forms;
}

/** Every word form that can be the head of an attribution cue. */
export const CUE_WORDS: ReadonlySet<string> = new Set([
  ...REGULAR_CUE_VERBS.flatMap(inflect),
  ...IRREGULAR_CUE_FORMS,
]);

/**
 * Cue words that only count when they sit right next to the quote or the speaker, because on
 * their own they usually mean something else ("a group called", "he put it", "the bill reads").
 */
export const WEAK_CUE_WORDS: ReadonlySet<string> = new Set([
  'call', 'calls', 'called', 'calling', 'put', 'puts', 'read', 'reads', 'reading', 'post', 'posts',
  'posted', 'posting', 'text', 'texts', 'texted', 'message', 'title', 'titled', 'entitle',
  'entitled', 'term', 'termed', 'sing', 'sang', 'sung', 'cite', 'cites', 'cited', 'citing',
  'question', 'questioned', 'report', 'reports', 'reported', 'counter', 'echo', 'echoes',
  'echoed', 'thank', 'thanked', 'answer', 'quote', 'quoted', 'note', 'state', 'charge', 'charged',
  'continue', 'continues', 'continued', 'maintain', 'read', 'email', 'emailed',
]);

/** Verbs that make the following quote a name or title rather than speech ("a show titled"). */
export const NAMING_WORDS: ReadonlySet<string> = new Set([
  'titled', 'entitled', 'dubbed', 'named', 'nicknamed', 'called', 'labeled', 'labelled', 'termed',
]);

/** Words skipped between a cue and its speaker ("Smith has also said"). */
export const SKIP_BEFORE_CUE: ReadonlySet<string> = new Set([
  'also', 'then', 'later', 'previously', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'be',
  'been', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'shall', 'must', 'did', 'does',
  'do', 'once', 'again', 'just', 'even', 'still', 'earlier', 'first', 'now', 'never', 'not', 'only',
  'too', 'both', 'all', 'herself', 'himself', 'themselves', 'itself', 'yet', 'soon', 'since',
  'already', 'often', 'always', 'ever', 'simply', 'quickly', 'further', 'reportedly', 'once',
  'recently', 'subsequently', 'ultimately', 'finally', 'immediately', 'allegedly', 'famously',
  'n’t', "n't", 'nt', 'being', 'went', 'on', 'to', 'quoted', 'as', 'by', 'responded', 'replied',
  'continued', 'added', 'reportedly', 'who', 'which',
]);

export const PRONOUNS: ReadonlyMap<string, 'SING' | 'PLURAL' | 'THING' | 'SELF'> = new Map([
  ['he', 'SING'], ['she', 'SING'], ['they', 'PLURAL'], ['it', 'THING'], ['we', 'SELF'], ['i', 'SELF'],
]);

/** Head nouns of unnamed single speakers ("the press secretary", "a spokesperson"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'minister', 'president', 'official',
  'adviser', 'advisor', 'aide', 'source', 'analyst', 'expert', 'lawyer', 'attorney', 'director',
  'chairman', 'chairwoman', 'chair', 'chief', 'executive', 'ceo', 'manager', 'leader', 'senator',
  'governor', 'mayor', 'candidate', 'nominee', 'representative', 'congressman', 'congresswoman',
  'lawmaker', 'economist', 'professor', 'researcher', 'scientist', 'doctor', 'officer', 'commander',
  'general', 'judge', 'prosecutor', 'author', 'writer', 'editor', 'reporter', 'journalist',
  'columnist', 'correspondent', 'host', 'anchor', 'moderator', 'strategist', 'consultant',
  'pollster', 'campaigner', 'activist', 'organizer', 'organiser', 'founder', 'owner', 'head',
  'woman', 'man', 'resident', 'witness', 'voter', 'supporter', 'critic', 'member', 'veteran',
  'ambassador', 'diplomat', 'envoy', 'negotiator', 'mp', 'mep', 'speaker', 'deputy', 'assistant',
  'counsel', 'staffer', 'operative', 'surrogate', 'partner', 'friend', 'father', 'mother', 'son',
  'daughter', 'wife', 'husband', 'student', 'teacher', 'worker', 'employee', 'protester',
  'protestor', 'participant', 'attendee', 'observer', 'insider', 'commentator', 'pundit',
  'chancellor', 'premier', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'rev',
  'pastor', 'priest', 'rabbi', 'imam', 'coach', 'player', 'sheriff', 'chief', 'commissioner',
  'superintendent', 'inspector', 'detective', 'investigator', 'auditor', 'regulator', 'trader',
  'investor', 'banker', 'broker', 'dealer', 'fellow', 'lecturer', 'historian', 'biographer',
  'producer', 'actor', 'actress', 'singer', 'star', 'survivor', 'victim', 'patient', 'nurse',
  'physician', 'surgeon', 'entrepreneur', 'businessman', 'businesswoman', 'person', 'someone',
  'one', 'backer', 'donor', 'ally', 'opponent', 'rival', 'challenger', 'incumbent', 'fan',
]);

/** Head nouns of collective speakers ("NATO members", "the campaign", "police"). */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'members', 'officials', 'leaders', 'sources', 'analysts', 'experts', 'protesters', 'protestors',
  'voters', 'critics', 'supporters', 'residents', 'lawmakers', 'democrats', 'republicans',
  'ministers', 'diplomats', 'authorities', 'police', 'government', 'administration', 'campaign',
  'committee', 'council', 'company', 'firm', 'group', 'organization', 'organisation', 'agency',
  'department', 'ministry', 'office', 'team', 'party', 'union', 'spokespeople', 'aides',
  'advisers', 'advisors', 'investigators', 'prosecutors', 'lawyers', 'attorneys', 'economists',
  'researchers', 'scientists', 'doctors', 'officers', 'workers', 'employees', 'students',
  'parents', 'families', 'people', 'activists', 'organizers', 'organisers', 'campaigners',
  'insiders', 'observers', 'commentators', 'pundits', 'strategists', 'allies', 'opponents',
  'rivals', 'fans', 'crowd', 'audience', 'participants', 'attendees', 'witnesses', 'victims',
  'survivors', 'staff', 'staffers', 'board', 'court', 'senate', 'house', 'congress', 'parliament',
  'commission', 'white', 'military', 'army', 'navy', 'report', 'study', 'survey', 'poll',
  'statement', 'letter', 'memo', 'document', 'documents', 'filing', 'ad', 'article', 'website',
  'site', 'newspaper', 'paper', 'network', 'station', 'magazine', 'post', 'tweet', 'release',
  'executives', 'bosses', 'managers', 'directors', 'senators', 'governors', 'mayors', 'candidates',
  'nominees', 'representatives', 'teachers', 'nurses', 'delegates', 'donors', 'backers', 'fellow',
  'readers', 'viewers', 'listeners', 'users', 'customers', 'clients', 'investors', 'traders',
  'bankers', 'chiefs', 'heads', 'counterparts', 'colleagues', 'others', 'some', 'many', 'both',
  'most', 'few', 'several', 'all', 'critics', 'spokesmen', 'spokeswomen', 'editorial', 'board',
]);

/** Words that open a noun phrase and belong to a description ("the", "a", "his"). */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my',
  'your', 'one', 'another', 'some', 'many', 'several', 'two', 'three', 'four', 'five', 'other',
  'each', 'every', 'most', 'few', 'both', 'all', 'no', 'any',
]);

/** Words that end a noun phrase when walking left from its head. */
export const NP_STOP_WORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'but', 'of', 'for', 'in', 'on', 'at', 'to', 'with', 'by', 'from', 'as', 'that',
  'which', 'who', 'whom', 'whose', 'when', 'where', 'while', 'after', 'before', 'because', 'if',
  'than', 'then', 'so', 'not', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'had', 'have',
  'said', 'says', 'told', 'about', 'into', 'over', 'under', 'against', 'between', 'during',
  'since', 'until', 'also', 'there', 'here', 'what', 'why', 'how', 'it', 'he', 'she', 'they',
  'we', 'i', 'you', 'him', 'them', 'us', 'me', 'however', 'meanwhile', 'although', 'though',
  'yet', 'per', 'via', 'among', 'amid', 'without', 'within', 'upon', 'onto', 'toward', 'towards',
  'through', 'across', 'behind', 'like', 'unlike', 'do', 'does', 'did', 'will', 'would', 'could',
  'should', 'can', 'may', 'might', 'must',
]);

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'sen', 'rep', 'reps', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt',
  'cmdr', 'adm', 'maj', 'prof', 'jr', 'sr', 'inc', 'co', 'corp', 'ltd', 'vs', 'v', 'no', 'fig',
  'rev', 'hon', 'pres', 'sec', 'supt', 'det', 'insp', 'ave', 'blvd', 'mt', 'ft', 'jan', 'feb',
  'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e',
  'etc', 'al', 'approx', 'dept', 'est', 'gop', 'd', 'r', 'calif', 'fla', 'wis', 'pa', 'va', 'ill',
  'mass', 'mich', 'conn', 'ga', 'n.y', 'n.j', 'n.c', 's.c', 'd.c', 'tenn', 'ky', 'ariz', 'colo',
  'minn', 'mo', 'ohio', 'okla', 'ore', 'wash', 'del', 'md', 'nev', 'ind', 'ala', 'miss', 'ark',
  'la', 'tex', 'neb', 'kan', 'vt', 'n.h', 'r.i', 'w.va', 'a.m', 'p.m',
]);

/** Small words allowed inside a title-cased name or title ("Face the Nation"). */
export const TITLE_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'of', 'the', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'with', 'at', 'by', 'from', 'or', '&',
]);

/**
 * Nouns naming a work, programme or event; a title-cased quote next to one is its title ("the
 * documentary “Long Road”", "an episode of “Morning Hour”", "the “Big Night” podcast").
 */
export const WORK_NOUNS: ReadonlySet<string> = new Set([
  'show', 'shows', 'episode', 'broadcast', 'program', 'programme', 'podcast', 'series', 'sitcom',
  'film', 'films', 'movie', 'movies', 'documentary', 'book', 'books', 'novel', 'memoir', 'song',
  'songs', 'anthem', 'album', 'single', 'musical', 'play', 'opera', 'reboot', 'sequel', 'franchise',
  'classic', 'column', 'commentary', 'op-ed', 'segment', 'edition', 'pageant', 'theme', 'hit',
  'track', 'poem', 'painting', 'video', 'trailer', 'blog', 'newsletter', 'magazine', 'tv',
]);
