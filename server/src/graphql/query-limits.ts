import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import {
  getNamedType,
  GraphQLError,
  isListType,
  Kind,
  type DocumentNode,
  isNonNullType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type FragmentDefinitionNode,
  type SelectionNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import type { RequestLimits } from "../config.js";
import { countWrite, writeLimitMessage, type RateLimiters } from "../limits/rate-limiters.js";
import type { GraphQLContext } from "./context.js";
import { BadUserInputError, ClientError } from "../core/errors.js";

/**
 * Limits every query meets before any resolver runs (README "Security and operations"): a depth
 * limit and an alias limit (validation rules, so Apollo refuses the document as it validates it)
 * and a cost limit computed with the request's variables (a list's `first` is often a variable).
 * Each refusal is BAD_USER_INPUT naming the limit and its setting.
 */

/** A document (a letter, a zip of letters, a report, an export: built in memory, sent as base64). */
export const DOCUMENT_COST = 2_000;
/** An import reads, checks and writes up to the import formats' row limit. */
export const IMPORT_COST = 2_000;
/** A page's `first` when the query names none (the contract's default), and a plain list's assumed length. */
export const DEFAULT_LIST_LENGTH = 50;

export function queryLimitRules(limits: Pick<RequestLimits, "maxQueryDepth" | "maxAliases">): ValidationRule[] {
  // armor throws out of graphql-js's validate by default; reported instead, Apollo answers them as validation errors.
  const report = (setting: string) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, "").replace(/\.$/, "")} (${setting}).`));
  return [
    maxDepthRule({ n: limits.maxQueryDepth, ignoreIntrospection: true, flattenFragments: true, propagateOnRejection: false, onReject: [report("CCHC_MAX_QUERY_DEPTH")] }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: [report("CCHC_MAX_ALIASES")] }),
  ] as ValidationRule[];
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * A field costs 1 plus its selection; a Document costs DOCUMENT_COST and an import IMPORT_COST;
 * a page (a field with `first`) multiplies its selection by `first`, a plain list by
 * DEFAULT_LIST_LENGTH (the edges inside a page are already counted by the page). Introspection
 * is free here: graphql-js's own rule bounds its nesting, and the console needs it whole.
 */
const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith("__") || type.name.startsWith("__")) return 0;
  const named = getNamedType(field.type).name;
  if (named === "Document") return DOCUMENT_COST + childComplexity;
  if (type.name === "Mutation" && field.name.startsWith("import")) return IMPORT_COST + childComplexity;
  if (field.args.some((arg) => arg.name === "first")) {
    const first = typeof args.first === "number" && args.first >= 0 ? args.first : DEFAULT_LIST_LENGTH;
    return 1 + Math.max(first, 1) * childComplexity;
  }
  if (isList(field.type) && !type.name.endsWith("Connection")) return 1 + DEFAULT_LIST_LENGTH * childComplexity;
  return 1 + childComplexity;
};

export function queryCost(
  schema: GraphQLSchema,
  request: { document: Parameters<typeof getComplexity>[0]["query"]; variables?: Record<string, unknown>; operationName?: string | null },
): number {
  return getComplexity({
    schema,
    query: request.document,
    variables: request.variables ?? {},
    operationName: request.operationName ?? undefined,
    estimators: [estimator],
  });
}

/**
 * Whether the operation writes or builds a document: what the per-token rate limit counts. A
 * query's root fields are looked for through its inline fragments and fragment spreads too
 * (`{ ... on Query { complianceReport … } }` builds a document as surely as the field alone).
 */
function writesOrBuildsDocument(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if (operation.operation === "mutation") return true;
  const fields = schema.getQueryType()?.getFields() ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const seen = new Set<string>();
  const buildsDocument = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        const field = fields[selection.name.value];
        return field !== undefined && getNamedType(field.type).name === "Document";
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return buildsDocument(selection.selectionSet.selections);
      // Validation has already refused unknown and cyclic spreads; `seen` keeps this linear anyway.
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      const fragment = fragments.get(name);
      return fragment !== undefined && buildsDocument(fragment.selectionSet.selections);
    });
  return buildsDocument(operation.selectionSet.selections);
}

/** Whether no operation of the document declares a variable: its cost then ignores the request's variables. */
function declaresNoVariables(document: DocumentNode): boolean {
  return document.definitions.every((definition) => definition.kind !== Kind.OPERATION_DEFINITION || !definition.variableDefinitions?.length);
}

/** The cost limit, then the token's write and document rate limit, after validation and before execution. */
export function queryLimitsPlugin(limits: Pick<RequestLimits, "maxQueryCost">, limiters: RateLimiters): ApolloServerPlugin<GraphQLContext> {
  // The cost is a pure function of the schema, the document, the operation and the variables. Apollo
  // hands back the same parsed document (the same operation nodes) for the same query text from its
  // document store, so an operation of a document that declares no variable is costed once, not on
  // every request; an entry goes with its document when the store lets it go. Nothing about the data
  // or the caller is kept. A document with variables, or a request naming no operation of it, is
  // costed every time.
  const costs = new WeakMap<OperationDefinitionNode, number>();
  const costOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode | undefined,
    request: { variables?: Record<string, unknown>; operationName?: string | null },
  ): number => {
    const cacheable = operation !== undefined && declaresNoVariables(document);
    let cost = cacheable ? costs.get(operation) : undefined;
    if (cost === undefined) {
      cost = queryCost(schema, { document, variables: request.variables, operationName: request.operationName });
      if (cacheable) costs.set(operation, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation, contextValue }) {
          if (operation?.operation === "subscription") {
            throw new BadUserInputError("This API has no subscriptions: send a query or a mutation (poll a query to follow changes).", { http: { status: 400 } });
          }
          let cost: number;
          try {
            cost = costOf(schema, document, operation, request);
          } catch (error) {
            throw new BadUserInputError(`The query's cost could not be computed: ${(error as Error).message}`, { http: { status: 400 } });
          }
          if (cost > limits.maxQueryCost) {
            throw new BadUserInputError(
              `The query costs ${cost}, more than the limit of ${limits.maxQueryCost} (CCHC_MAX_QUERY_COST). A field costs 1, a document or an import ${DOCUMENT_COST}, and a list multiplies its fields by first (default ${DEFAULT_LIST_LENGTH}): ask for fewer documents, smaller pages or fewer fields.`,
              { cost, maxCost: limits.maxQueryCost, http: { status: 400 } },
            );
          }
          if (!operation || !writesOrBuildsDocument(schema, document, operation)) return;
          const retryAfter = await countWrite(limiters, contextValue.principal);
          if (retryAfter === null) return;
          throw new ClientError("FORBIDDEN", writeLimitMessage(limiters, retryAfter), {
            retryAfterSeconds: retryAfter,
            http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfter)]]) },
          });
        },
      };
    },
  };
}
