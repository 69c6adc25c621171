import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../src/ingest/decodeText.js';
import { parseArticle, parseTags } from '../../src/ingest/parseArticle.js';
import { projectRoot } from '../../src/projectRoot.js';

const seedPath = join(projectRoot, 'fixtures', 'seed', '000_95a61b1d8e8c3e78.txt');

describe('parseArticle', () => {
  it('reads the seed format: path line, headline, seven paragraphs, empty TAGS line', () => {
    const text = readFileSync(seedPath, 'utf8');
    const parsed = parseArticle(text, seedPath);
    expect(parsed.format).toBe('seed');
    expect(parsed.pathLine).toBe('Russia and NATO Agree to Begin Negotiations This Winter');
    expect(parsed.title.text).toBe('Russia and NATO Agree to Begin Negotiations This Winter');
    expect(parsed.paragraphs).toHaveLength(7);
    expect(parsed.paragraphs[0]!.text).toBe(
      'Tensions had begun to mount after Russia started to amass troops near the Ukraine border and presented a list of demands to NATO.',
    );
    expect(parsed.paragraphs[6]!.text.endsWith('after weeks of uncertainty and tension.')).toBe(true);
    expect(parsed.editorTags).toEqual([]);
    for (const span of [parsed.title, ...parsed.paragraphs]) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('reads plain news text with CRLF line ends, and editor tags', () => {
    const text =
      'Port strike ends after talks\r\n\r\nDock workers returned on Monday.\r\n\r\n"We got a fair deal," a union official said.\r\n\r\nTAGS: Labour, ports , labour,\r\n';
    const parsed = parseArticle(text, 'strike.txt');
    expect({ format: parsed.format, title: parsed.title, paragraphs: parsed.paragraphs.map((p) => p.text), tags: parsed.editorTags }).toEqual({
      format: 'plain',
      title: { start: 0, end: 28, text: 'Port strike ends after talks' },
      paragraphs: ['Dock workers returned on Monday.', '"We got a fair deal," a union official said.'],
      tags: ['Labour', 'ports'],
    });
  });

  it('keeps a first paragraph written right under the headline', () => {
    const parsed = parseArticle('Headline here\nFirst paragraph straight away.\n\nSecond paragraph.\n', 'tight.txt');
    expect(parsed.title.text).toBe('Headline here');
    expect(parsed.paragraphs.map((p) => p.text)).toEqual(['First paragraph straight away.', 'Second paragraph.']);
  });

  it('names the file and line when there is no headline or no body', () => {
    expect(() => parseArticle('Only a headline\n', 'a.txt')).toThrow(
      expect.objectContaining({ code: 'NO_BODY', message: 'a.txt:2: the article has a headline but no paragraphs' }),
    );
    expect(() => parseArticle('/A path line only\n', 'b.txt')).toThrow(expect.objectContaining({ code: 'NO_HEADLINE' }));
    expect(() => parseArticle(`\n\n${'word '.repeat(100)}\n\nMore.\n`, 'c.txt')).toThrow(
      expect.objectContaining({ code: 'NO_HEADLINE', message: 'c.txt:3: no headline: the first line has 499 characters (at most 300)' }),
    );
  });

  it('splits tags on commas without empties or case duplicates', () => {
    expect(parseTags(' Politics, ,Europe,politics ,  Russia–NATO relations')).toEqual(['Politics', 'Europe', 'Russia–NATO relations']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('decodeText', () => {
  it('removes a UTF-8 byte order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFTitle\n\nBody.', 'utf8'), 'bom.txt')).toEqual({ text: 'Title\n\nBody.', warnings: [] });
  });

  it('decodes Latin-1 with a warning naming the file', () => {
    const bytes = Buffer.from('Caf\xe9 owners protest\n\nThe na\xefve plan.', 'latin1');
    expect(decodeText(bytes, 'old.txt')).toEqual({
      text: 'Café owners protest\n\nThe naïve plan.',
      warnings: ['old.txt: not valid UTF-8, decoded as Latin-1'],
    });
  });

  it('rejects binary and empty files by name', () => {
    expect(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'x.zip')).toThrow(
      expect.objectContaining({ code: 'BINARY_FILE', message: 'x.zip: not a text file (it contains binary data)' }),
    );
    expect(() => decodeText(Buffer.from(' \n\t\n'), 'e.txt')).toThrow(expect.objectContaining({ code: 'EMPTY_FILE', message: 'e.txt: the file is empty' }));
  });
});
