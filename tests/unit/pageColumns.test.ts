import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { idOfReferenceKey, pageColumns, referenceColumns, referenceKey } from '../../src/graphql/read/pageColumns.js';

/** The connection field `name` under the operation's first root field, and the document's fragments. */
function connection(document: string, name: string): { fieldNodes: FieldNode[]; fragments: Record<string, FragmentDefinitionNode> } {
  const parsed = parse(document);
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const root = operation.selectionSet.selections[0] as FieldNode;
  const fieldNodes = root.selectionSet!.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name);
  return { fieldNodes, fragments };
}

describe('pageColumns', () => {
  it('names the columns the nodes need, through nodes, edges and fragments, with the row key always', () => {
    const { fieldNodes, fragments } = connection(
      `{ person(slug: "x") {
          articles(first: 20) { totalCount nodes { title ...Dated } edges { cursor node { __typename slug } } }
          quotes(first: 5) { nodes { text cue { text } speaker { __typename } article { slug } } }
       } }
       fragment Dated on Article { publishedAt isPublic }`,
      'articles',
    );
    expect(pageColumns('articlePagesByEntity', fieldNodes, fragments)).toBe('id,publishedAt,slug,status,title');
    const quotes = connection(`{ person(slug: "x") { quotes(first: 5) { nodes { text cue { text } speaker { __typename } article { slug } } } } }`, 'quotes');
    expect(pageColumns('quotePagesBySpeaker', quotes.fieldNodes, quotes.fragments)).toBe(
      'articleId,cueEnd,cueStart,cueText,id,speakerAffiliationId,speakerDescription,speakerId,text',
    );
  });

  it('asks for whole rows when a field is not known, and for loaders whose rows are never pruned', () => {
    const jsonLd = connection(`{ tag(slug: "x") { articles { nodes { title jsonLd } } } }`, 'articles');
    expect(pageColumns('articlePagesByTag', jsonLd.fieldNodes, jsonLd.fragments)).toBeUndefined();
    const coMentioned = connection(`{ person(slug: "x") { coMentioned { nodes { name } } } }`, 'coMentioned');
    expect(pageColumns('coMentionedPagesByEntity', coMentioned.fieldNodes, coMentioned.fragments)).toBeUndefined();
  });

  it('keeps an entity’s kind (its GraphQL type) and a mention’s span (its key); a role’s date reads its article or since', () => {
    const people = connection(`{ article(slug: "x") { people { nodes { name } } } }`, 'people');
    expect(pageColumns('entityPagesByArticle', people.fieldNodes, people.fragments)).toBe('id,kind,name');
    const mentions = connection(`{ article(slug: "x") { mentions { nodes { text entity { slug } } } } }`, 'mentions');
    expect(pageColumns('mentionPagesByArticle', mentions.fieldNodes, mentions.fragments)).toBe('articleId,end,entityId,start,text');
    const roles = connection(`{ person(slug: "x") { roles { nodes { title seenAt affiliation { name } } } } }`, 'roles');
    expect(pageColumns('rolePagesByPerson', roles.fieldNodes, roles.fragments)).toBe('articleId,id,organizationId,role,since');
  });

  it('names the columns of a row loaded by id, leaving out fragments on an unnamed speaker', () => {
    const { fieldNodes, fragments } = connection(
      `{ article(slug: "x") { quotes { nodes { speaker { __typename ...Speaker } } } } }
       fragment Speaker on Speaker { ... on Entity { name quotes(first: 5) { nodes { text } } } ... on UnnamedSpeaker { description affiliation { name } } }`,
      'quotes',
    );
    const nodes = fieldNodes[0]!.selectionSet!.selections[0] as FieldNode;
    const speaker = nodes.selectionSet!.selections[0] as FieldNode;
    expect(speaker.name.value).toBe('speaker');
    expect(referenceColumns('entity', [speaker], fragments)).toBe('id,kind,name');
    expect(referenceKey('7d6b', 'id,kind,name')).toBe('7d6b|id,kind,name');
    expect([idOfReferenceKey('7d6b|id,kind,name'), idOfReferenceKey('7d6b'), referenceKey('7d6b', undefined)]).toEqual(['7d6b', '7d6b', '7d6b']);
  });
});
