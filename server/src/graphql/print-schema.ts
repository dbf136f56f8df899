import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";

/** The committed form of the schema: sorted, so that moving code around does not change the file. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `# Generated from server/src by \`npm run schema\`; do not edit. Checked by test/server/graphql/schema.test.ts.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
