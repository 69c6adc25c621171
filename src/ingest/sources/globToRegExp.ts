/** True when a path uses glob syntax (`*`, `?`, `[…]`, `{a,b}`). */
export function isGlob(path: string): boolean {
  return /[*?[{]/.test(path);
}

/** A glob split into the directory to walk and the pattern for paths below it. */
export interface GlobPlan {
  /** The leading segments without glob syntax ("." when there are none). */
  base: string;
  /** Matches a path relative to `base`, "/"-separated. */
  pattern: RegExp;
  /** How deep below `base` a match can be; Infinity when the pattern has "**". */
  maxDepth: number;
}

/**
 * Plans a glob: `stories/**\/*.md` walks `stories` and matches `a.md`, `2024/b.md`, …
 * Supports `*` and `?` (not crossing "/"), `**` as a whole segment (any number of
 * directories, including none), `[abc]`, `[a-z]`, `[!x]` and `{a,b}`.
 */
export function planGlob(glob: string): GlobPlan {
  const segments = glob.replace(/\\/g, '/').split('/');
  const firstGlob = segments.findIndex(isGlob);
  const baseSegments = segments.slice(0, firstGlob);
  const rest = segments.slice(firstGlob).filter((s, k, all) => s !== '' || k === all.length - 1);
  const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  return {
    base,
    pattern: new RegExp(`^${segmentsToRegExp(rest)}$`, 'u'),
    maxDepth: rest.includes('**') ? Infinity : rest.length,
  };
}

function segmentsToRegExp(segments: string[]): string {
  let out = '';
  segments.forEach((segment, k) => {
    const last = k === segments.length - 1;
    if (segment === '**') out += last ? '.*' : '(?:[^/]+/)*';
    else out += segmentToRegExp(segment) + (last ? '' : '/');
  });
  return out;
}

function segmentToRegExp(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else if (c === '{') {
      const close = segment.indexOf('}', i);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      out += `(?:${segment
        .slice(i + 1, close)
        .split(',')
        .map(segmentToRegExp)
        .join('|')})`;
      i = close;
    } else out += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return out;
}
