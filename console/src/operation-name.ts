import { Kind, parse } from "graphql";

/**
 * GraphiQL 4 takes the operation name from its tab state, which follows the editor only after a short
 * debounce: replace a named example with `{ units { code } }` and run at once, and the server is asked
 * for the old name ("Unknown operation named Board"). Sending no name is right whenever the document
 * does not define the one given, as long as it holds a single operation.
 */
export function effectiveOperationName(query: string, operationName: string | null | undefined): string | undefined {
  if (!operationName) return undefined;
  let names: (string | undefined)[];
  try {
    names = parse(query)
      .definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
      .map((definition) => definition.name?.value);
  } catch {
    // Not parseable here: let the server report the syntax error with the name as given.
    return operationName;
  }
  return names.includes(operationName) || names.length !== 1 ? operationName : undefined;
}
