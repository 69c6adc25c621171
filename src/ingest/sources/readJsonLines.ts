import { createInterface } from 'node:readline';
import { AppError, ErrorCode, isAppError } from '../../errors.js';
import { slugify } from '../nameKey.js';
import { parseJsonLine } from './parseJsonLine.js';
import type { SourceItem } from './types.js';

/** Where a JSON Lines stream comes from. */
export interface JsonLinesOrigin {
  /** The path as given, or "<stdin>"; labels are `${file}:${line}`. */
  file: string;
  /** The file's real path, or null for stdin. */
  real: string | null;
}

/**
 * Reads JSON Lines one line at a time (memory stays flat however large the file), yielding an
 * article or a failure per non-blank line. Identity: the line's "sourceKey", else its "url"
 * (`url:<url>`), else the file and the title's slug (`jsonl:<real path>#<slug>`, or
 * `stdin:#<slug>`), with `~2`, `~3` for later lines with the same title in the same stream.
 * A stream that fails midway (a read error) yields one failure for the rest of the file.
 */
export async function* readJsonLines(input: NodeJS.ReadableStream, origin: JsonLinesOrigin): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const titleKeys = new Map<string, number>();
  let lineNo = 0;
  try {
    for await (const raw of lines) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      const label = `${origin.file}:${lineNo}`;
      try {
        const { parsed, source } = parseJsonLine(line, { file: origin.file, line: lineNo, label });
        let sourceKey = source.sourceKey;
        if (sourceKey === null) {
          const base = origin.real === null ? `stdin:#${slugify(parsed.title.text)}` : `jsonl:${origin.real}#${slugify(parsed.title.text)}`;
          const n = (titleKeys.get(base) ?? 0) + 1;
          titleKeys.set(base, n);
          sourceKey = n === 1 ? base : `${base}~${n}`;
        }
        const warnings = line.includes('\uFFFD') ? [`${label}: contains bytes that are not valid UTF-8 (replaced by "\uFFFD")`] : [];
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
  } finally {
    lines.close();
  }
}
