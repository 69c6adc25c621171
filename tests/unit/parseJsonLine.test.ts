import { parseJsonLine } from '../../src/ingest/sources/parseJsonLine.js';

const at = (line = 12) => ({ file: 'export.jsonl', line, label: `export.jsonl:${line}` });

function failureOf(line: string) {
  try {
    parseJsonLine(line, at());
  } catch (error) {
    return error as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a failure');
}

describe('parseJsonLine', () => {
  it('reads every field of a line, with spans into the text it builds', () => {
    const line = JSON.stringify({
      title: 'Harbour Council Approves Ferry Link',
      body: 'The council voted on Tuesday to fund a ferry link.\n\n"This is the most important decision in ten years," said council leader Maria Okafor.\n',
      publishedAt: '2024-03-05T09:30:00+01:00',
      url: 'https://news.example.com/harbour/ferry',
      tags: ['Transport', 'Local politics', 'transport'],
      byline: 'Jane Reporter',
      status: 'draft',
      slug: 'harbour-ferry-link',
      sourceKey: 'cms:4711',
      sourcePath: '/harbour/ferry',
      section: 'local',
    });
    const { parsed, source } = parseJsonLine(line, at());
    expect(parsed.format).toBe('jsonl');
    expect(parsed.title.text).toBe('Harbour Council Approves Ferry Link');
    expect(parsed.paragraphs.map((p) => p.text)).toEqual([
      'The council voted on Tuesday to fund a ferry link.',
      '"This is the most important decision in ten years," said council leader Maria Okafor.',
    ]);
    expect(parsed.text).toBe(`${parsed.title.text}\n\n${parsed.paragraphs[0]!.text}\n\n${parsed.paragraphs[1]!.text}`);
    for (const span of [parsed.title, ...parsed.paragraphs]) expect(parsed.text.slice(span.start, span.end)).toBe(span.text);
    expect(parsed.editorTags).toEqual(['Transport', 'Local politics']);
    expect(source).toEqual({
      sourceKey: 'cms:4711',
      sourcePath: '/harbour/ferry',
      sourceUrl: 'https://news.example.com/harbour/ferry',
      byline: 'Jane Reporter',
      publishedAt: new Date('2024-03-05T08:30:00Z'),
      slug: 'harbour-ferry-link',
      status: 'DRAFT',
      section: 'local',
    });
  });

  it('takes "paragraphs" as given and identifies the article by its URL when there is no sourceKey', () => {
    const { parsed, source } = parseJsonLine(
      '{"title":"A Title","paragraphs":["  One.  ","","Two\\nlines."],"url":"https://example.com/a","tags":"x, y"}',
      at(),
    );
    expect(parsed.paragraphs.map((p) => p.text)).toEqual(['One.', 'Two\nlines.']);
    expect(parsed.editorTags).toEqual(['x', 'y']);
    expect(source.sourceKey).toBe('url:https://example.com/a');
    expect(source.publishedAt).toBeNull();
    expect(source.status).toBeNull();
  });

  it('rejects a line that is not JSON, or not an object, naming the line', () => {
    expect(failureOf('{"title": "A", body: "x"}')).toMatchObject({ code: 'INVALID_JSON', details: { file: 'export.jsonl', line: 12 } });
    expect(failureOf('{"title": "A", body: "x"}').message).toMatch(/^export\.jsonl:12: not valid JSON/);
    expect(failureOf('["A", "x"]')).toMatchObject({ code: 'INVALID_JSON', message: 'export.jsonl:12: expected a JSON object, found a list' });
  });

  it('names the field and line of a value of the wrong type', () => {
    expect(failureOf('{"title":"A","body":"x","publishedAt":"last Tuesday"}')).toMatchObject({
      code: 'INVALID_FIELD',
      message: expect.stringMatching(/^export\.jsonl:12: field "publishedAt" is not a date/),
      details: { file: 'export.jsonl', line: 12, field: 'publishedAt' },
    });
    expect(failureOf('{"title":"A","body":"x","publishedAt":"2024-02-30"}').message).toMatch(/field "publishedAt" is not a date: "2024-02-30" \(no such day/);
    expect(failureOf('{"title":"A","body":"x","tags":["a",3]}').message).toBe(
      'export.jsonl:12: field "tags" must be a list of strings, but item 1 is the number 3',
    );
    expect(failureOf('{"title":"A","paragraphs":"x"}')).toMatchObject({ code: 'INVALID_FIELD', details: { field: 'paragraphs' } });
    expect(failureOf('{"title":"A","body":"x","url":"ftp://x"}')).toMatchObject({ code: 'INVALID_FIELD', details: { field: 'url' } });
    expect(failureOf('{"title":"A","body":"x","status":"live"}').message).toBe('export.jsonl:12: field "status" must be "DRAFT" or "PUBLISHED", not "live"');
    expect(failureOf('{"title":"A","body":"x","slug":"Not A Slug"}')).toMatchObject({ code: 'INVALID_FIELD', details: { field: 'slug' } });
    expect(failureOf('{"title":42,"body":"x"}').message).toBe('export.jsonl:12: field "title" must be a string, not the number 42');
  });

  it('reports a missing headline or body with the codes the text formats use', () => {
    expect(failureOf('{"body":"x"}')).toMatchObject({ code: 'NO_HEADLINE', details: { field: 'title' } });
    expect(failureOf('{"title":"A","body":"  \\n\\n "}')).toMatchObject({ code: 'NO_BODY' });
    expect(failureOf('{"title":"A","body":"x","paragraphs":["y"]}')).toMatchObject({ code: 'INVALID_FIELD', details: { field: 'paragraphs' } });
  });

  it('ignores the read-only data an export adds', () => {
    const { parsed } = parseJsonLine('{"title":"A","paragraphs":["x"],"entities":[{"kind":"PERSON"}],"quotes":[],"topics":["y"]}', at());
    expect(parsed.editorTags).toEqual([]);
  });
});
