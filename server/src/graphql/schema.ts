import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import "./enums.js";
import { RESOLVERS } from "./resolvers/index.js";
import { DateTimeScalar } from "../core/scalars.js";
import { validateArgument } from "./validation.js";

/** Builds the executable schema from the resolver classes; `npm run schema` prints it into schema.graphql. */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS] as unknown as [Function, ...Function[]],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validateFn: validateArgument,
    emitSchemaFile: false,
  });
}
