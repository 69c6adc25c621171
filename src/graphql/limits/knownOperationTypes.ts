import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';

/**
 * A validation rule (graphql-js 17 has it as `KnownOperationTypesRule`): an operation of a type
 * the schema has no root for (`subscription`, or `mutation` without a Mutation type) is a
 * client's mistake, refused with GRAPHQL_VALIDATION_FAILED and HTTP 400 instead of failing
 * during execution as a server error.
 */
export function KnownOperationTypesRule(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(node) {
      if (!schema.getRootType(node.operation)) {
        context.reportError(new GraphQLError(`The schema has no ${node.operation} operations.`, { nodes: node }));
      }
      return false;
    },
  };
}
