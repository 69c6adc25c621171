import type { ApolloServer } from '@apollo/server';
import type { QueryLimits } from '../config/queryLimits.js';
import { RequestBudget, withBudget } from '../db/requestBudget.js';
import type { Context } from '../graphql/context.js';
import type { PageAnswer, PageApi } from '../pages/handlePages.js';

/**
 * The pages' way into the API: each query runs through the same Apollo server, schema, limits
 * and access rules as a request to /graphql without a token, under the same per-request budget
 * (deadline, connection share), only without the HTTP round trip.
 */
export function createPageApi(apollo: ApolloServer<Context>, anonymousContext: () => Context, limits: QueryLimits): PageApi {
  return {
    async query<T>(query: string, variables: Record<string, unknown>): Promise<PageAnswer<T>> {
      const budget = new RequestBudget(limits.requestTimeoutMs, limits.connectionsPerRequest);
      try {
        const response = await withBudget(budget, () => apollo.executeOperation({ query, variables }, { contextValue: anonymousContext() }));
        if (response.body.kind !== 'single') return { errors: [{ message: 'unexpected incremental answer' }] };
        const { data, errors } = response.body.singleResult;
        return { data: data as T | null | undefined, errors: errors?.map((error) => ({ message: error.message, extensions: error.extensions })) };
      } finally {
        budget.finish();
      }
    },
  };
}
