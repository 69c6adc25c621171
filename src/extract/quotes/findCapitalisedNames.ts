/**
 * A stand-in name finder for tests and evaluation when the NER stage is not available: runs of
 * capitalised words, typed by simple cues. It is deliberately crude; the engine uses real NER.
 */
import type { NameSpan } from './types.js';

const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'But',
  'And',
  'In',
  'On',
  'At',
  'As',
  'For',
  'So',
  'Yet',
  'Or',
  'If',
  'When',
  'While',
  'After',
  'Before',
  'Since',
  'Because',
  'Although',
  'However',
  'Meanwhile',
  'Still',
  'Then',
  'Now',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'Here',
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'You',
  'His',
  'Her',
  'Their',
  'Our',
  'My',
  'Its',
  'What',
  'Why',
  'How',
  'Who',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Sen',
  'Rep',
  'Gov',
  'Gen',
  'Lt',
  'Col',
  'President',
  'Minister',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Asked',
  'Speaking',
  'According',
  'Last',
  'Next',
  'Some',
  'Many',
  'All',
  'No',
  'Yes',
  'Not',
  'One',
  'Two',
  'Even',
  'Just',
  'Also',
  'Both',
  'Each',
  'Every',
]);
const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Sen', 'Rep', 'Gov', 'Gen', 'Lt', 'Col', 'President', 'Minister']);
const ORG_WORDS =
  /^(?:Council|Party|House|Department|Ministry|Inc|Corp|Association|Committee|Organization|Organisation|University|Bank|Commission|Agency|Court|Post|Times|News|Congress|Senate|Parliament|Union|Institute|Foundation|Group|Company|Campaign|Administration|Office|Service|Network|Journal|Fund|Board)$/;

/** Capitalised-word runs as rough PER/ORG/LOC name spans. */
export function findCapitalisedNames(text: string): NameSpan[] {
  const out: NameSpan[] = [];
  const word = /[\p{Lu}][\p{L}\p{N}]*(?:[-.][\p{L}\p{N}]+|['’](?![sS](?![\p{L}\p{N}]))[\p{L}\p{N}]+)*/gu;
  let run: { start: number; end: number; words: string[] } | null = null;
  let prevTitle = false;
  const flush = (): void => {
    if (run === null) return;
    const t = text.slice(run.start, run.end);
    const last = run.words[run.words.length - 1]!;
    let type: NameSpan['type'] = 'PER';
    if (run.words.some((w) => ORG_WORDS.test(w)) || /^[A-Z]{2,}$/.test(t)) type = 'ORG';
    else if (!prevTitle && run.words.length === 1 && /(?:ia|land|stan|ny|ca|an)$/.test(last)) type = 'LOC';
    out.push({ start: run.start, end: run.end, text: t, type });
    run = null;
  };
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    const w = m[0];
    const s = m.index;
    if (NOT_NAMES.has(w)) {
      flush();
      prevTitle = TITLES.has(w);
      continue;
    }
    if (run !== null && /^[ \t]$/.test(text.slice(run.end, s))) {
      run.end = s + w.length;
      run.words.push(w);
    } else {
      flush();
      run = { start: s, end: s + w.length, words: [w] };
    }
  }
  flush();
  return out;
}
