import { parse } from "graphql/language/parser.js";
import { GraphQLError } from "graphql/error/GraphQLError.js";
import type { OperationDefinitionNode } from "graphql/language/ast.js";

export type VariablesComment =
  | { found: false }
  | { found: true; variables: Record<string, unknown> }
  | { found: true; error: string };

const MARKER = /^\s*#\s*variables\s*:\s*(.*)$/i;
const COMMENT = /^\s*#\s?(.*)$/;

/** Comment lines one `# variables:` object may take: each is tried as the JSON's end, so more cost their square. */
export const MAX_VARIABLES_LINES = 200;

/**
 * Reads `# variables: {"id": "1"}` from a query's text. The JSON may go on over the following comment
 * lines (at most MAX_VARIABLES_LINES), so a long object can be written one key per line, each line
 * starting with `#`. With several such comments (one above each operation), the last one before
 * `operationStart` is read, else the first of the text.
 */
export function parseVariablesComment(text: string, operationStart = 0): VariablesComment {
  const lines = text.split(/\r?\n/);
  let start = -1;
  for (let i = 0, offset = 0; i < lines.length; offset += lines[i].length + 1, i++) {
    if (!MARKER.test(lines[i])) continue;
    if (start < 0 || offset <= operationStart) start = i;
    if (offset > operationStart) break;
  }
  if (start < 0) return { found: false };
  let json = MARKER.exec(lines[start])![1];
  let lastError = "";
  for (let i = start; ; ) {
    if (i - start >= MAX_VARIABLES_LINES) {
      return { found: true, error: `The "# variables:" comment goes on for more than ${MAX_VARIABLES_LINES} lines without being a JSON object; close it with }.` };
    }
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
  /** Where the chosen operation starts in the text: its own `# variables:` comment stands above it. */
  start: number;
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
    start: chosen.loc?.start ?? 0,
  };
}

/** Names the operation declares that the given variables do not supply (the user is asked for them). */
export function missingVariables(chosen: ChosenOperation, variables: Record<string, unknown>): string[] {
  return chosen.variableNames.filter((name) => !(name in variables));
}
