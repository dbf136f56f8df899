import "reflect-metadata";
import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import "./enums.js";
import { RESOLVERS } from "./resolvers/index.js";
import { CASE_ROW_FIELDS } from "./resolvers/case.resolver.js";
import { DateTimeScalar } from "../core/scalars.js";
import { validateArgument } from "./validation.js";

/** Builds the executable schema from the resolver classes; `npm run schema` prints it into schema.graphql. */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...RESOLVERS] as unknown as [Function, ...Function[]],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validateFn: validateArgument,
    emitSchemaFile: false,
  });
  installDirectResolvers(schema, "Case", CASE_ROW_FIELDS);
  return schema;
}

/**
 * Replaces type-graphql's wrappers of the named per-row fields with the plain functions (same
 * answers: no middleware, auth checker or validation of these arguments exists to skip). Throws if
 * a name is not a field of the type, so a rename cannot silently fall back to the slow path.
 */
function installDirectResolvers(
  schema: GraphQLSchema,
  typeName: string,
  resolvers: Record<string, (root: never, args: never, context: never) => unknown>,
): void {
  const type = schema.getType(typeName);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${typeName} is not an object type of the schema`);
  const fields = type.getFields();
  for (const [name, resolve] of Object.entries(resolvers)) {
    if (!fields[name]?.resolve) throw new Error(`${typeName}.${name} is not a resolved field of the schema`);
    fields[name].resolve = resolve as unknown as GraphQLFieldResolver<unknown, unknown>;
  }
}
