import { splitSentences } from '../src/extract/ner/splitSentences.js';
import { tokenize } from '../src/extract/ner/tokenize.js';
import { tagDocument } from '../src/extract/ner/tagDocument.js';
import { loadModel } from '../src/extract/ner/loadModel.js';
const t = process.argv[2]!;
const sents = splitSentences(t, 0, t.length).map((s) => tokenize(t, s.start, s.end).map((x) => x.text));
const m = loadModel();
const r = tagDocument(sents, m.lexicon, m);
sents.forEach((s, i) => console.log(s.map((w, k) => `${w}/${r.labels[i]![k]}`).join(' ')));
