import { parse } from "graphql/language/parser.js";
import { GraphQLError } from "graphql/error/GraphQLError.js";
import type { OperationDefinitionNode } from "graphql/language/ast.js";

export type VariablesComment =
  | { found: false }
  | { found: true; variables: Record<string, unknown> }
  | { found: true; error: string };

const MARKER = /^\s*#\s*variables\s*:\s*(.*)$/i;
const COMMENT = /^\s*#\s?(.*)$/;

/**
 * Reads `# variables: {"id": "1"}` from a query's text. The JSON may go on over the following comment
 * lines, so a long object can be written one key per line, each line starting with `#`.
 */
export function parseVariablesComment(text: string): VariablesComment {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => MARKER.test(line));
  if (start < 0) return { found: false };
  let json = MARKER.exec(lines[start])![1];
  let lastError = "";
  for (let i = start; ; ) {
    try {
      const value: unknown = JSON.parse(json);
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return { found: true, error: `The "# variables:" comment must hold a JSON object, like {"id": "1"}.` };
      }
      return { found: true, variables: value as Record<string, unknown> };
    } catch (error) {
      lastError = (error as Error).message;
    }
    i++;
    const next = i < lines.length ? COMMENT.exec(lines[i]) : null;
    if (!next || MARKER.test(lines[i])) break;
    json += `\n${next[1]}`;
  }
  return { found: true, error: `The "# variables:" comment is not valid JSON: ${lastError}` };
}

export interface ChosenOperation {
  /** The text to send: the selection or the whole document. */
  query: string;
  operationName?: string;
  /** Names of the variables the chosen operation declares, without "$". */
  variableNames: string[];
}

/**
 * Picks the operation to run: with several in the text, the one under the cursor (offset into `query`),
 * else the first. Throws an Error with the parser's message and line when the text is not GraphQL.
 */
export function chooseOperation(query: string, cursorOffset = 0): ChosenOperation {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  } catch (error) {
    if (error instanceof GraphQLError) {
      const where = error.locations?.[0];
      throw new Error(`Not a valid GraphQL document${where ? ` (line ${where.line}, column ${where.column})` : ""}: ${error.message}`);
    }
    throw error;
  }
  if (operations.length === 0) throw new Error("The text holds no query, mutation or subscription to run.");
  const chosen =
    operations.find((o) => o.loc && o.loc.start <= cursorOffset && cursorOffset <= o.loc.end) ?? operations[0];
  if (operations.length > 1 && !chosen.name) {
    throw new Error("Several operations are in the text, so each needs a name (query MyName { … }).");
  }
  return {
    query,
    operationName: chosen.name?.value,
    variableNames: (chosen.variableDefinitions ?? []).map((v) => v.variable.name.value),
  };
}

/** Names the operation declares that the given variables do not supply (the user is asked for them). */
export function missingVariables(chosen: ChosenOperation, variables: Record<string, unknown>): string[] {
  return chosen.variableNames.filter((name) => !(name in variables));
}
