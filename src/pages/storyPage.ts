import { highlightRange, paragraphRanges, type Highlight } from './highlightText.js';
import { markup, scriptJson, type SafeHtml } from './html.js';
import { dateTime, entityPath, layout, storyPath } from './layout.js';
import type { EntityLink, RoleData, SpeakerData, StoryData, StoryQuote } from './queries.js';

const KIND_LABEL: Record<EntityLink['__typename'], string> = { Person: 'Person', Organization: 'Organization', Place: 'Place' };

/** Who said a quote, in words: a name, or an unnamed speaker's description. */
export function speakerName(speaker: SpeakerData | null): string {
  if (!speaker) return 'Speaker unknown';
  return speaker.__typename === 'UnnamedSpeaker' ? speaker.description : speaker.name;
}

/** A role in words: `foreign minister, Russia`. */
function roleText(role: RoleData): string {
  return [role.title, role.affiliation?.name].filter(Boolean).join(', ');
}

/** The story's highlights: quotes (outermost), then cues and speaker mentions, then mentions. */
function storyHighlights(story: StoryData): Highlight[] {
  const quotes: Highlight[] = story.quotes.nodes.map((quote, i) => {
    const tip = `tip-q${i}`;
    return {
      start: quote.start,
      end: quote.end,
      open: markup`<mark class="hl quote" tabindex="0" data-quote="${quote.id}" aria-describedby="${tip}"><span class="tip" id="${tip}" role="tooltip">Quote · ${speakerName(quote.speaker)}</span>`,
      close: markup`</mark>`,
    };
  });
  const cues: Highlight[] = story.quotes.nodes.flatMap((quote) => [
    ...(quote.cue ? [{ start: quote.cue.start, end: quote.cue.end, open: markup`<span class="cue">`, close: markup`</span>` }] : []),
    ...(quote.speakerMention
      ? [{ start: quote.speakerMention.start, end: quote.speakerMention.end, open: markup`<span class="speaker-ref">`, close: markup`</span>` }]
      : []),
  ]);
  // A mention inside another mention (`Nato` in `Nato-Russia Council`) cannot be a link inside a link.
  const sorted = [...story.mentions.nodes].sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: Highlight[] = sorted.map((mention, i) => {
    const nested = sorted.some((other) => other !== mention && other.start <= mention.start && other.end >= mention.end);
    const tip = `tip-m${i}`;
    const type = mention.entity.__typename;
    const label = markup`<span class="tip" id="${tip}" role="tooltip">${KIND_LABEL[type]} · ${mention.entity.name}</span>`;
    return nested
      ? { start: mention.start, end: mention.end, open: markup`<span class="hl mention ${type.toLowerCase()}">${label}`, close: markup`</span>` }
      : {
          start: mention.start,
          end: mention.end,
          open: markup`<a class="hl mention ${type.toLowerCase()}" href="${entityPath(type, mention.entity.slug)}" aria-describedby="${tip}">${label}`,
          close: markup`</a>`,
        };
  });
  return [...quotes, ...cues, ...mentions];
}

/** A quote in the quotes panel; a person's role comes from the article's people (`rolesBySlug`). */
function quoteItem(quote: StoryQuote, rolesBySlug: ReadonlyMap<string, RoleData[]>): SafeHtml {
  const speaker = quote.speaker;
  let who: SafeHtml;
  let detail: SafeHtml | null = null;
  if (!speaker) who = markup`<span class="unknown">Speaker unknown</span>`;
  else if (speaker.__typename === 'UnnamedSpeaker') {
    who = markup`<span>${speaker.description}</span>`;
    if (speaker.affiliation) detail = markup`<a href="${entityPath(speaker.affiliation.__typename, speaker.affiliation.slug)}">${speaker.affiliation.name}</a>`;
  } else {
    who = markup`<a href="${entityPath(speaker.__typename, speaker.slug)}">${speaker.name}</a>`;
    const role = speaker.__typename === 'Person' ? rolesBySlug.get(speaker.slug)?.[0] : undefined;
    if (role)
      detail = markup`${role.title ?? ''}${role.title && role.affiliation ? ', ' : ''}${
        role.affiliation ? markup`<a href="${entityPath(role.affiliation.__typename, role.affiliation.slug)}">${role.affiliation.name}</a>` : ''
      }`;
  }
  return markup`<li class="quote-card" id="quote-${quote.id}">
    <blockquote>${quote.text}</blockquote>
    <p class="said">
      <span class="speaker">${who}</span>${detail ? markup`<span class="role">${detail}</span>` : ''}${
        quote.cue ? markup`<span class="cue-word">cue: <em>${quote.cue.text}</em></span>` : ''
      }<span class="kind">${quote.kind.toLowerCase()}</span>
    </p>
  </li>`;
}

function entityList(title: string, type: EntityLink['__typename'], items: { name: string; slug: string; roles?: { nodes: RoleData[] } }[]): SafeHtml | null {
  if (!items.length) return null;
  return markup`<section class="entities ${type.toLowerCase()}">
    <h3>${title}</h3>
    <ul>
      ${items.map((item) => {
        const role = item.roles?.nodes[0];
        return markup`<li><a href="${entityPath(type, item.slug)}">${item.name}</a>${role ? markup` <span class="role">${roleText(role)}</span>` : ''}</li>`;
      })}
    </ul>
  </section>`;
}

/** The story page: highlighted text, quotes panel, entities, tags and JSON-LD; readable without script. */
export function renderStoryPage(story: StoryData): SafeHtml {
  const highlights = storyHighlights(story);
  const rolesBySlug = new Map(story.people.nodes.map((person) => [person.slug, person.roles.nodes]));
  const [title, ...body] = paragraphRanges(story.text);
  const meta = [
    story.byline ? markup`<span>${story.byline}</span>` : null,
    story.section ? markup`<span>${story.section}</span>` : null,
    dateTime(story.publishedAt),
  ].filter(Boolean);
  const main = markup`<article class="story" aria-labelledby="story-title">
      <header>
        <h1 id="story-title">${title ? highlightRange(story.text, title.start, title.end, highlights) : story.title}</h1>
        <p class="meta">${meta.map((part, i) => markup`${i ? ' · ' : ''}${part}`)}</p>
        <p class="legend" aria-hidden="true">
          <span class="hl quote">quote</span> <span class="hl mention person">person</span> <span class="hl mention organization">organization</span>
          <span class="hl mention place">place</span>
        </p>
      </header>
      <div class="story-text">
        ${body.map((paragraph) => markup`<p data-paragraph="${paragraph.index}">${highlightRange(story.text, paragraph.start, paragraph.end, highlights)}</p> `)}
      </div>
    </article>
    <aside class="story-facts" aria-label="Quotes and entities">
      <section class="quotes">
        <h2>Quotes <span class="count">${story.quotes.nodes.length}</span></h2>
        ${
          story.quotes.nodes.length
            ? markup`<ol>
                ${story.quotes.nodes.map((quote) => quoteItem(quote, rolesBySlug))}
              </ol>`
            : markup`<p>No quotes.</p>`
        }
      </section>
      <section>
        <h2>Who and where</h2>
        ${entityList('People', 'Person', story.people.nodes)} ${entityList('Organizations', 'Organization', story.organizations.nodes)}
        ${entityList('Places', 'Place', story.places.nodes)}
      </section>
      ${
        story.tags.nodes.length
          ? markup`<section class="tags">
              <h2>Tags</h2>
              <ul>
                ${story.tags.nodes.map((tag) => markup`<li class="tag ${tag.kind.toLowerCase()}">${tag.name}</li>`)}
              </ul>
            </section>`
          : ''
      }
    </aside>`;
  return layout(
    {
      title: story.title,
      head: markup`<link rel="canonical" href="${storyPath(story.slug)}" />
        <meta name="description" content="${body[0] ? story.text.slice(body[0].start, body[0].end).slice(0, 200) : story.title}" />
        <script type="application/ld+json">
          ${scriptJson(story.jsonLd)}
        </script>`,
      bodyClass: 'story-page',
    },
    main,
  );
}
