import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../generated/schemaTypes.js';
import { queryResolvers } from '../resolvers/queryResolvers.js';
import { searchQueryResolvers } from '../resolvers/searchResolvers.js';
import { apiTokenResolvers, tokenMutationResolvers, tokenQueryResolvers } from '../resolvers/tokenResolvers.js';
import { typeResolvers } from '../resolvers/typeResolvers.js';
import { mergeCandidateResolvers, reviewItemResolvers, reviewMutationResolvers, reviewQueryResolvers } from '../resolvers/reviewResolvers.js';
import { entityMutationResolvers } from '../resolvers/entityMutations.js';
import { tagMutationResolvers } from '../resolvers/tagMutations.js';
import { articleMutationResolvers } from '../resolvers/articleMutations.js';
import { webhookDeliveryResolvers, webhookMutationResolvers, webhookQueryResolvers, webhookResolvers } from '../resolvers/webhookResolvers.js';
import { loadTypeDefs } from './loadTypeDefs.js';

/**
 * Builds the executable schema from schema.graphql (as `loadTypeDefs` prepares it for these
 * limits) and the resolvers. Interfaces and unions resolve from each row's `__typename`.
 */
export function createSchema(limits: { maxPageSize: number }): GraphQLSchema {
  const resolvers: Resolvers = {
    Query: { ...queryResolvers, ...searchQueryResolvers, ...tokenQueryResolvers, ...webhookQueryResolvers, ...reviewQueryResolvers },
    Mutation: {
      ...tokenMutationResolvers,
      ...articleMutationResolvers,
      ...webhookMutationResolvers,
      ...reviewMutationResolvers,
      ...entityMutationResolvers,
      ...tagMutationResolvers,
    },
    ReviewItem: reviewItemResolvers,
    MergeCandidate: mergeCandidateResolvers,
    ApiToken: apiTokenResolvers,
    Webhook: webhookResolvers,
    WebhookDelivery: webhookDeliveryResolvers,
    ...typeResolvers,
  };
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(limits),
    // The generated types describe what each resolver receives; graphql-tools takes any map.
    resolvers: resolvers as Parameters<typeof makeExecutableSchema>[0]['resolvers'],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
