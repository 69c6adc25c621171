import { buildASTSchema, isObjectType, isInputObjectType } from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema/loadTypeDefs.js';

describe('loadTypeDefs', () => {
  const schema = buildASTSchema(loadTypeDefs({ maxPageSize: 40 }));

  it('adds the paging arguments to every @paged field, with the configured page limit in their descriptions', () => {
    const article = schema.getType('Article');
    if (!isObjectType(article)) throw new Error('Article is not an object type');
    const args = article.getFields().quotes!.args;
    expect(args.map((arg) => [arg.name, String(arg.type)])).toEqual([
      ['first', 'Int'],
      ['after', 'String'],
      ['last', 'Int'],
      ['before', 'String'],
    ]);
    expect(args[0]!.description).toBe('Page size from the start, 1 to 40; 20 when neither `first` nor `last` is given.');
    expect(schema.getQueryType()!.getFields().nodes!.args[0]!.description).toContain('(at most 40)');
    expect(JSON.stringify(schema.toConfig())).not.toContain('{{');
  });

  it('states each charged field’s cost in its description, from the cost table', () => {
    const person = schema.getType('Person');
    const filter = schema.getType('ArticleWhereInput');
    if (!isObjectType(person) || !isInputObjectType(filter)) throw new Error('unexpected schema');
    expect(person.getFields().coMentioned!.description).toMatch(/ Cost: 500 per parent object, whatever the page size/);
    expect(person.getFields().name!.description).not.toContain('Cost:');
    expect(filter.getFields().textContains!.description).toMatch(/ Cost: 20,000 each time it appears in a filter/);
  });
});
