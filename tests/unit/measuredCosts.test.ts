import { parse, type OperationDefinitionNode } from 'graphql';
import { MeasuredCosts } from '../../src/graphql/limits/measuredCosts.js';

const operationOf = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

describe('measured costs', () => {
  it('are kept per operation node and per variables', () => {
    const costs = new MeasuredCosts();
    const operation = operationOf('query ($n: Int) { articles(first: $n) { nodes { title } } }');
    costs.set(operation, { n: 5 }, 11);
    expect([costs.get(operation, { n: 5 }), costs.get(operation, { n: 6 }), costs.get(operation, {})]).toEqual([11, undefined, undefined]);
    // The same text parsed again is another document: Apollo's document store hands out one node per query.
    expect(costs.get(operationOf('query ($n: Int) { articles(first: $n) { nodes { title } } }'), { n: 5 })).toBeUndefined();
  });

  it('are not kept for large variables', () => {
    const costs = new MeasuredCosts();
    const operation = operationOf('query ($text: String) { search(query: $text) { totalCount } }');
    const text = 'x'.repeat(5000);
    costs.set(operation, { text }, 3);
    expect(costs.get(operation, { text })).toBeUndefined();
  });

  it('forget the oldest variables of an operation past 64 sets', () => {
    const costs = new MeasuredCosts();
    const operation = operationOf('query ($n: Int) { articles(first: $n) { nodes { title } } }');
    for (let n = 0; n <= 64; n++) costs.set(operation, { n }, n);
    expect([costs.get(operation, { n: 0 }), costs.get(operation, { n: 1 }), costs.get(operation, { n: 64 })]).toEqual([undefined, 1, 64]);
  });
});
