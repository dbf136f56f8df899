import { randomUUID } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { log } from "../log.js";
import { DATABASE_UNREACHABLE_MESSAGE, isDatabaseUnreachable } from "./database-unavailable.js";
import { isClientErrorCode } from "../core/errors.js";

/** Apollo's own request-shape codes, safe to show as they are. */
const REQUEST_CODES = new Set([
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

/**
 * A request graphql-js refuses before running it (a syntax error, an unknown field, an inline
 * literal of the wrong type such as first: 3000000000 or format: PDF) is the caller's input too.
 * The contract names the codes errors carry, and BAD_USER_INPUT is the one that fits, the same
 * code the value would get had it come in a variable.
 */
const REFUSED_REQUEST_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"]);

/**
 * Client errors keep their contract code. A literal that our scalars reject (a DateTime without
 * an offset written inline) surfaces from graphql-js as a validation error: it is still the
 * user's input, so it becomes BAD_USER_INPUT. Anything unexpected is masked with an id that
 * points to the full error in the log.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const originalCode = (original as GraphQLError | undefined)?.extensions?.code;
  if (isClientErrorCode(originalCode)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: originalCode, http: undefined } };
  }
  const code = formatted.extensions?.code;
  if ((typeof code === "string" && REFUSED_REQUEST_CODES.has(code)) || refusedWithoutCode(error)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: withSetting(formatted.message), extensions: { ...extensions, code: "BAD_USER_INPUT" } };
  }
  if (isClientErrorCode(code) || (typeof code === "string" && REQUEST_CODES.has(code))) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const errorId = randomUUID();
  const cause = original ?? error;
  log.error("unexpected error", {
    errorId,
    path: formatted.path,
    error: cause instanceof Error ? cause.message : String(cause),
    stack: cause instanceof Error ? cause.stack : undefined,
  });
  return {
    message: isDatabaseUnreachable(cause)
      ? `${DATABASE_UNREACHABLE_MESSAGE} (reference ${errorId})`
      : `Internal server error (reference ${errorId}). The administrator can find the details in the server log.`,
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
  };
}

/**
 * Apollo refuses some requests with an HTTP 4xx but no code (a persisted query whose hash does
 * not match its text): the client's request, not a fault of the server.
 */
function refusedWithoutCode(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions?.code !== undefined) return false;
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/** graphql-js's message for its token limit, told with the setting that sets it. */
function withSetting(message: string): string {
  const tokens = /^Syntax Error: Document contains more that (\d+) tokens/.exec(message);
  if (!tokens) return message;
  return `The query has more than ${Number(tokens[1]).toLocaleString("en")} tokens, the limit (CCHC_MAX_QUERY_TOKENS); reading it was stopped there. Send fewer operations and fields in one request.`;
}
