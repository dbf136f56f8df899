import type { RelayRequest, RelayResponse } from "../../../console/src/relay-protocol.js";
import type { GraphQLClient } from "../api/graphql-client.js";

/** What the relay needs from the extension's GraphQL client: one raw call, answer passed on as is. */
export type RawGraphQLClient = Pick<GraphQLClient, "raw">;

/**
 * Answers one message from the console webview: validates its shape (the webview is less trusted than
 * the host), sends the operation with the client that holds the stored token, and returns the server's
 * body untouched so GraphiQL shows data and errors as the server sent them. Returns undefined for a
 * message that is not a console request.
 */
export async function relayConsoleRequest(
  message: unknown,
  client: () => Promise<RawGraphQLClient>,
): Promise<RelayResponse | undefined> {
  if (!isRelayRequest(message)) return undefined;
  const { id, body } = message;
  try {
    const variables = isPlainObject(body.variables) ? body.variables : {};
    const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
    const result = await (await client()).raw(body.query, variables, { operationName });
    return { type: "graphql-result", id, result };
  } catch (error) {
    return { type: "graphql-result", id, error: error instanceof Error ? error.message : String(error) };
  }
}

function isRelayRequest(message: unknown): message is RelayRequest {
  const candidate = message as Partial<RelayRequest> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    candidate.type === "graphql" &&
    Number.isSafeInteger(candidate.id) &&
    typeof candidate.body === "object" &&
    candidate.body !== null &&
    typeof candidate.body.query === "string"
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
