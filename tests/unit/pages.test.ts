import { coMentionGraph } from '../../src/pages/coMentionGraph.js';
import { renderEntityPage } from '../../src/pages/entityPage.js';
import { highlightRange, paragraphRanges, type Highlight } from '../../src/pages/highlightText.js';
import { escapeHtml, markup, scriptJson } from '../../src/pages/html.js';
import type { EntityData, StoryData } from '../../src/pages/queries.js';
import { renderStoryPage } from '../../src/pages/storyPage.js';

const wrap = (start: number, end: number, name: string): Highlight => ({ start, end, open: markup`[${name}:`, close: markup`]` });

describe('html', () => {
  it('escapes every interpolated value and keeps nested templates as markup', () => {
    const name = '<img src=x onerror="alert(1)">&\'';
    expect(markup`<p title="${name}">${name}${markup`<b>${name}</b>`}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;<b>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</b></p>',
    );
    expect(markup`${['a<', markup`<i>b</i>`, null, false, 3]}`.value).toBe('a&lt;<i>b</i>3');
  });

  it('writes JSON that cannot close its script element', () => {
    const json = scriptJson({ name: '</script><script>alert(1)</script>', amp: 'a&b', line: '\u2028' }).value;
    expect(json).not.toContain('</script>');
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>', amp: 'a&b', line: '\u2028' });
    expect(escapeHtml('"&')).toBe('&quot;&amp;');
  });
});

describe('highlightRange', () => {
  const text = 'Title\n\nSergei Lavrov said "we agree" on <Monday>.\n\nNato-Russia Council met.';
  const at = (word: string) => text.indexOf(word);
  const span = (word: string, name: string) => wrap(at(word), at(word) + word.length, name);
  const [, first, second] = paragraphRanges(text);

  it('splits the text into the title and its paragraphs with their offsets', () => {
    expect(paragraphRanges(text)).toEqual([
      { index: 0, start: 0, end: 5 },
      { index: 1, start: 7, end: at('.\n\nNato') + 1 },
      { index: 2, start: at('Nato'), end: text.length },
    ]);
  });

  it('wraps nested spans inside out, escapes the text and clips to the range', () => {
    const highlights = [span('Sergei Lavrov', 'person'), span('we agree', 'quote'), span('we', 'inner'), span('Title', 'title')];
    expect(highlightRange(text, first!.start, first!.end, highlights).value).toBe(
      '[person:Sergei Lavrov] said &quot;[quote:[inner:we] agree]&quot; on &lt;Monday&gt;.',
    );
    expect(highlightRange(text, second!.start, second!.end, [span('Nato-Russia Council', 'org'), span('Nato', 'nato')]).value).toBe(
      '[org:[nato:Nato]-Russia Council] met.',
    );
  });

  it('cuts a span that crosses the end of the one it starts in, and drops empty ones', () => {
    const crossing = wrap(at('Lavrov'), at('said') + 4, 'b');
    expect(highlightRange(text, first!.start, first!.end, [span('Sergei Lavrov', 'a'), crossing, wrap(at('on'), at('on'), 'empty')]).value).toBe(
      '[a:Sergei [b:Lavrov]] said &quot;we agree&quot; on &lt;Monday&gt;.',
    );
  });
});

const hostile = '<script>alert(1)</script>';

function story(): StoryData {
  const text = `Harbour News\n\n${hostile} said "hello there" today.`;
  const start = text.indexOf('hello');
  return {
    id: 'A1',
    slug: 'harbour-news',
    title: 'Harbour News',
    text,
    byline: hostile,
    section: 'Local',
    publishedAt: '2024-03-05T09:30:00Z',
    updatedAt: '2024-03-05T09:30:00Z',
    quotes: {
      nodes: [
        {
          id: 'Q1',
          text: 'hello there',
          kind: 'DIRECT',
          start,
          end: start + 'hello there'.length,
          cue: { text: 'said', start: text.indexOf('said'), end: text.indexOf('said') + 4 },
          speakerMention: null,
          speaker: { __typename: 'Person', name: hostile, slug: 'x"><script>' },
        },
      ],
    },
    people: {
      nodes: [
        {
          __typename: 'Person',
          name: hostile,
          slug: 'x"><script>',
          roles: { nodes: [{ title: 'director', seenAt: null, affiliation: { __typename: 'Organization', name: 'Harbour Agency', slug: 'harbour-agency' } }] },
        },
      ],
    },
    organizations: { nodes: [] },
    places: { nodes: [] },
    mentions: {
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [
        { id: 'M1', text: hostile, start: 14, end: 14 + hostile.length, form: 'NAME', entity: { __typename: 'Person', name: hostile, slug: 'x"><script>' } },
      ],
    },
    tags: { nodes: [{ name: hostile, slug: 'tag', kind: 'EDITOR' }] },
    jsonLd: { '@type': 'NewsArticle', headline: `</script>${hostile}` },
  };
}

describe('story page', () => {
  it('escapes names, text and JSON-LD from the API: no markup of theirs reaches the page', () => {
    const page = renderStoryPage(story()).value;
    expect(page.match(/<script/g)).toHaveLength(1); // the JSON-LD block only
    expect(page).toContain('<script type="application/ld+json">');
    expect(page).toContain('href="/people/x%22%3E%3Cscript%3E"');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('links each mention to its entity, marks the quote with its speaker and lists it in the panel', () => {
    const page = renderStoryPage(story()).value;
    expect(page).toContain(
      '<mark class="hl quote" tabindex="0" data-quote="Q1" aria-describedby="tip-q0"><span class="tip" id="tip-q0" role="tooltip">Quote · &lt;script&gt;alert(1)&lt;/script&gt;</span>hello there</mark>',
    );
    expect(page).toContain('<span class="cue">said</span>');
    expect(page).toContain('<blockquote>hello there</blockquote>');
    expect(page).toContain('<span class="role">director, <a href="/organizations/harbour-agency">Harbour Agency</a></span>');
    expect(page).toContain('<time datetime="2024-03-05T09:30:00.000Z">5 March 2024</time>');
  });
});

describe('entity page', () => {
  const entity: EntityData = {
    __typename: 'Organization',
    name: 'Harbour Agency',
    slug: 'harbour-agency',
    aliases: ['HDA'],
    articleCount: 2,
    quoteCount: 12,
    redirectedFrom: null,
    members: {
      nodes: [
        {
          title: 'director',
          seenAt: '2024-03-05T09:30:00Z',
          affiliation: null,
          article: { title: 'Ferry', slug: 'ferry' },
          person: { __typename: 'Person', name: 'Maria Okafor', slug: 'maria-okafor' },
        },
      ],
    },
    quotes: {
      totalCount: 12,
      pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: 'c/1', endCursor: 'c&2' },
      nodes: [{ id: 'Q', text: 'We agree', kind: 'DIRECT', article: { title: 'Ferry', slug: 'ferry', publishedAt: null } }],
    },
    articles: { totalCount: 1, nodes: [{ title: 'Ferry', slug: 'ferry', publishedAt: null }] },
    coMentioned: { totalCount: 1, edges: [{ sharedArticles: 2, node: { __typename: 'Person', name: 'Maria <Okafor>', slug: 'maria-okafor' } }] },
  };

  it('pages quotes both ways with escaped cursors, and lists members over time', () => {
    const page = renderEntityPage(entity).value;
    expect(page).toContain('href="/organizations/harbour-agency?before=c%2F1#quotes"');
    expect(page).toContain('href="/organizations/harbour-agency?after=c%262#quotes"');
    expect(page).toContain('<a href="/people/maria-okafor">Maria Okafor</a>, director');
  });

  it('draws the co-mention graph as a described image, names escaped', () => {
    const svg = coMentionGraph(entity, entity.coMentioned.edges)!.value;
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="graph-title">Harbour Agency appears with Maria &lt;Okafor&gt; (2)</title>');
    expect(svg.match(/<circle/g)).toHaveLength(2);
    expect(coMentionGraph(entity, [])).toBeNull();
  });
});
