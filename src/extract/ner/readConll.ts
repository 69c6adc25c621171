/**
 * Reader for CoNLL-2003 files (`token ... tag` columns, blank line between sentences,
 * `-DOCSTART-` between documents). Used by training and evaluation; the data stays outside the project.
 */
import { readFileSync } from 'node:fs';

export interface ConllSentence {
  words: string[];
  /** IOB1 tags (the last column). */
  tags: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

/** Reads a CoNLL-2003 file into documents of sentences. */
export function readConll(file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let sent: ConllSentence = { words: [], tags: [] };
  const flushSentence = (): void => {
    if (sent.words.length > 0) doc.sentences.push(sent);
    sent = { words: [], tags: [] };
  };
  const flushDoc = (): void => {
    flushSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [] };
  };
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flushSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flushDoc();
      continue;
    }
    sent.words.push(cols[0]!);
    sent.tags.push(cols[cols.length - 1]!);
  }
  flushDoc();
  return docs;
}
