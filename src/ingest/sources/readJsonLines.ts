import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../config/importLimits.js';
import { AppError, ErrorCode, isAppError } from '../../errors.js';
import { slugify } from '../nameKey.js';
import { articleTooLarge, checkParagraphCount } from './articleLimits.js';
import { parseJsonLine } from './parseJsonLine.js';
import { readLines } from './readLines.js';
import type { SourceItem } from './types.js';

/** Where a JSON Lines stream comes from. */
export interface JsonLinesOrigin {
  /** The path as given, or "<stdin>"; labels are `${file}:${line}`. */
  file: string;
  /** The file's real path, or null for stdin. */
  real: string | null;
}

/**
 * Reads JSON Lines one line at a time (memory stays flat however large the file, and a line
 * over `limits.maxArticleBytes` is refused without being held), yielding an article or a
 * failure per non-blank line. Identity: the line's "sourceKey", else its "url" (`url:<url>`),
 * else the file and the title's slug (`jsonl:<real path>#<slug>`, or `stdin:#<slug>`), with
 * `~2`, `~3` for later lines with the same title in the same stream. A stream that fails
 * midway (a read error) yields one failure for the rest of the file.
 */
export async function* readJsonLines(
  input: AsyncIterable<Buffer | string>,
  origin: JsonLinesOrigin,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): AsyncGenerator<SourceItem> {
  const titleKeys = new Map<string, number>();
  let lineNo = 0;
  try {
    for await (const line of readLines(input, limits.maxArticleBytes)) {
      lineNo = line.number;
      const label = `${origin.file}:${lineNo}`;
      const where = { label, file: origin.file, line: lineNo };
      if ('tooLong' in line) {
        yield { kind: 'failure', label, error: articleTooLarge(where, limits, line.bytes) };
        continue;
      }
      if (line.text.trim() === '') continue;
      try {
        const { parsed, source } = parseJsonLine(line.text, where);
        checkParagraphCount(parsed, limits, where);
        let sourceKey = source.sourceKey;
        if (sourceKey === null) {
          const base = origin.real === null ? `stdin:#${slugify(parsed.title.text)}` : `jsonl:${origin.real}#${slugify(parsed.title.text)}`;
          const n = (titleKeys.get(base) ?? 0) + 1;
          titleKeys.set(base, n);
          sourceKey = n === 1 ? base : `${base}~${n}`;
        }
        const warnings = line.text.includes('\uFFFD') ? [`${label}: contains bytes that are not valid UTF-8 (replaced by "\uFFFD")`] : [];
        yield { kind: 'article', label, parsed, source: { ...source, sourceKey, sourcePath: source.sourcePath ?? origin.real }, warnings };
      } catch (error) {
        if (!isAppError(error)) throw error;
        yield { kind: 'failure', label, error };
      }
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const at = lineNo === 0 ? origin.file : `${origin.file}:${lineNo + 1}`;
    yield {
      kind: 'failure',
      label: at,
      error: new AppError(ErrorCode.FILE_UNREADABLE, `${at}: cannot read (${code})`, { file: origin.file, line: lineNo + 1 }, { cause: error }),
    };
  }
}
