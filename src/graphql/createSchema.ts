import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { projectRoot } from '../projectRoot.js';
import { queryResolvers } from './resolvers/queryResolvers.js';
import { searchQueryResolvers, searchTypeResolvers } from './resolvers/searchResolvers.js';
import { typeResolvers } from './resolvers/typeResolvers.js';

/** The schema file at the project root: the API contract. */
export const schemaPath = join(projectRoot, 'schema.graphql');

/** Builds the executable schema from schema.graphql and the resolvers. */
export function createSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readFileSync(schemaPath, 'utf8'),
    resolvers: { Query: { ...queryResolvers, ...searchQueryResolvers }, ...typeResolvers, ...searchTypeResolvers },
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
