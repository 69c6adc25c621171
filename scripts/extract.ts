// npm run --silent extract -- <file>...
import { isAppError } from '../src/errors.js';
import { extractArticle } from '../src/extract/extractArticle.js';
import type { Extraction, Span } from '../src/extract/types.js';
import { runCli } from '../src/cli/runCli.js';
import { readArticleFile } from '../src/ingest/readArticleFile.js';

const HELP = `Usage: npm run --silent extract -- [options] <file>...

Extracts people, organizations, places, quotes with their speakers, and tags from article
files, without a database. Prints one JSON object per file per line on stdout:
  {"file", "title", "entities": [...], "quotes": [...], "tags": [...]}
Each mention has a form (NAME, ACRONYM, DEMONYM, PRONOUN, DESCRIPTION) and, when it lies inside
another mention, that mention's offsets as its parent.
Offsets index the decoded file text (BOM removed): text.slice(start, end) === text.
Warnings and per-file errors go to stderr; the other files are still processed.

Options:
  -h, --help    show this help

Exit codes: 0 every file extracted, 1 some file failed, 2 usage error.`;

runCli({ name: 'extract', help: HELP, options: {}, positionals: { min: 1, label: 'files' } }, async ({ positionals }) => {
  let failed = 0;
  for (const file of positionals) {
    try {
      const { parsed: article, warnings } = await readArticleFile(file);
      for (const w of warnings) process.stderr.write(`extract: warning: ${w}\n`);
      const extraction = extractArticle({ text: article.text, title: article.title, paragraphs: article.paragraphs, editorTags: article.editorTags });
      process.stdout.write(JSON.stringify(toOutput(file, article.title.text, extraction)) + '\n');
    } catch (error) {
      // Expected problems (missing, empty, binary files) are reported and the run goes on.
      if (!isAppError(error)) throw error;
      process.stderr.write(`extract: ${error.message} [${error.code}]\n`);
      failed++;
    }
  }
  return failed > 0 ? 1 : 0;
});

const span = (s: Span): Span => ({ start: s.start, end: s.end, text: s.text });

/** The CLI's output object, keys in a fixed order. */
function toOutput(file: string, title: string, x: Extraction): unknown {
  return {
    file,
    title,
    entities: x.entities.map((e) => ({
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      role: e.role,
      affiliation: e.affiliation,
      confidence: e.confidence,
      known: e.known,
      mentions: e.mentions.map((m) => ({ ...span(m), form: m.form, parent: m.parent })),
    })),
    quotes: x.quotes.map((q) => ({
      text: q.text,
      start: q.start,
      end: q.end,
      kind: q.kind,
      cue: q.cue ? span(q.cue) : null,
      speaker: q.speaker
        ? {
            name: q.speaker.name,
            description: q.speaker.description,
            type: q.speaker.type,
            affiliation: q.speaker.affiliation,
            mention: span(q.speaker.mention),
            confidence: q.speaker.confidence,
          }
        : null,
      confidence: q.confidence,
    })),
    tags: x.tags.map((t) => ({ name: t.name, kind: t.kind })),
  };
}
