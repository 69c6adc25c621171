import { cleanInline, parseMarkdown } from '../../src/ingest/sources/parseMarkdown.js';
import { parseFrontMatter } from '../../src/ingest/sources/parseFrontMatter.js';

const story = `---
title: "Harbour Council Approves Ferry Link"
date: 2024-03-05T09:30:00Z
tags:
  - Transport
  - "Local politics"
url: https://news.example.com/harbour/ferry
author: Jane Reporter   # staff writer
draft: false
weight: 10
cover: { image: ferry.jpg }
---

# Harbour Council Approves Ferry Link

The council voted on **Tuesday** to fund a _ferry link_ to the [islands](https://example.com/islands).

![A ferry](ferry.jpg)

> "This is the most important decision in ten years," said council leader Maria Okafor.

\`\`\`
code is not prose
\`\`\`

## Reactions

- Residents welcomed it.
- The opposition did not.
`;

describe('parseMarkdown', () => {
  it('reads front matter and the body, dropping the repeated headline, with spans into its text', () => {
    const { parsed, source } = parseMarkdown(story, 'stories/ferry.md');
    expect(parsed.format).toBe('markdown');
    expect(parsed.title.text).toBe('Harbour Council Approves Ferry Link');
    expect(parsed.paragraphs.map((p) => p.text)).toEqual([
      'The council voted on Tuesday to fund a ferry link to the islands.',
      '"This is the most important decision in ten years," said council leader Maria Okafor.',
      'Reactions',
      'Residents welcomed it.',
      'The opposition did not.',
    ]);
    for (const span of [parsed.title, ...parsed.paragraphs]) expect(parsed.text.slice(span.start, span.end)).toBe(span.text);
    expect(parsed.editorTags).toEqual(['Transport', 'Local politics']);
    expect(source).toEqual({
      sourceKey: 'url:https://news.example.com/harbour/ferry',
      sourcePath: null,
      sourceUrl: 'https://news.example.com/harbour/ferry',
      byline: 'Jane Reporter',
      publishedAt: new Date('2024-03-05T09:30:00Z'),
      slug: null,
      status: 'PUBLISHED',
      section: null,
    });
  });

  it('takes the headline from the first "# " heading when the front matter has no title', () => {
    const { parsed, source } = parseMarkdown(
      '---\ntags: a, b\ndraft: true\nslug: My-Ferry Story\nurl: /news/ferry/\n---\nIntro line.\n\n# The Real Headline\n\nBody text.\n',
      'x.md',
    );
    expect(parsed.title.text).toBe('The Real Headline');
    expect(parsed.paragraphs.map((p) => p.text)).toEqual(['Intro line.', 'Body text.']);
    expect(parsed.editorTags).toEqual(['a', 'b']);
    expect(source).toMatchObject({ status: 'DRAFT', slug: 'my-ferry-story', sourceKey: 'path:/news/ferry/', sourceUrl: null });
  });

  it('reads Markdown without front matter, and joins soft-wrapped lines', () => {
    const { parsed } = parseMarkdown('Headline Here\n=============\n\nFirst line\nsecond line.\n', 'y.md');
    expect(parsed.title.text).toBe('Headline Here');
    expect(parsed.paragraphs.map((p) => p.text)).toEqual(['First line second line.']);
  });

  it('rejects front matter it cannot read, naming the file, line and field', () => {
    const attempt = (text: string) => {
      try {
        parseMarkdown(text, 'bad.md');
      } catch (error) {
        return error as { code: string; message: string; details: Record<string, unknown> };
      }
      throw new Error('expected a failure');
    };
    expect(attempt('---\ntitle: A\n\nBody.\n')).toMatchObject({ code: 'INVALID_FRONT_MATTER', message: 'bad.md:1: front matter: no closing "---" line' });
    expect(attempt('---\ntitle: A\nthis is not yaml\n---\nBody.\n')).toMatchObject({ code: 'INVALID_FRONT_MATTER', details: { line: 3 } });
    expect(attempt('---\ntitle: A\nauthor:\n  name: Jane\n---\nBody.\n')).toMatchObject({
      code: 'INVALID_FRONT_MATTER',
      message: 'bad.md:3: front matter: field "author" is a nested mapping, which this reader cannot read',
      details: { field: 'author' },
    });
    expect(attempt('---\ntitle: A\ndate: soon\n---\nBody.\n')).toMatchObject({ code: 'INVALID_FIELD', details: { line: 3, field: 'date' } });
    expect(attempt('---\ntitle: A\n---\n')).toMatchObject({ code: 'NO_BODY' });
    expect(attempt('---\ntags: [a]\n---\nA long first paragraph\nover two lines.\n')).toMatchObject({ code: 'NO_HEADLINE' });
    expect(attempt('+++\ntitle = "A"\n+++\nBody.\n')).toMatchObject({ code: 'INVALID_FRONT_MATTER' });
  });
});

describe('parseFrontMatter', () => {
  it('reads scalars, quotes, lists, booleans, null and block text', () => {
    const fields = parseFrontMatter(
      [
        'a: plain value # comment',
        'b: "say \\"hi\\""',
        "c: 'it''s'",
        'd: [x, "y, z", \'w\']',
        'e:',
        '- one',
        '- two',
        'f: TRUE',
        'g: ~',
        'h: |',
        '  line 1',
        '  line 2',
        'i: http://x.y/z#frag',
      ],
      2,
      'f.md',
    );
    const value = (k: string) => fields.get(k)?.value;
    expect(value('a')).toBe('plain value');
    expect(value('b')).toBe('say "hi"');
    expect(value('c')).toBe("it's");
    expect(value('d')).toEqual(['x', 'y, z', 'w']);
    expect(value('e')).toEqual(['one', 'two']);
    expect(value('f')).toBe(true);
    expect(value('g')).toBeNull();
    expect(value('h')).toBe('line 1\nline 2');
    expect(value('i')).toBe('http://x.y/z#frag');
    expect(fields.get('d')?.line).toBe(5);
  });

  it('rejects a key given twice', () => {
    expect(() => parseFrontMatter(['a: 1', 'a: 2'], 2, 'f.md')).toThrow('f.md:3: front matter: key "a" appears twice');
  });
});

describe('cleanInline', () => {
  it('removes markup but keeps words, escapes and snake_case', () => {
    expect(cleanInline('**Bold** and *it* and `code` and \\*stars\\* and snake_case_name &amp; <b>html</b>')).toBe(
      'Bold and it and code and *stars* and snake_case_name & html',
    );
  });
});
