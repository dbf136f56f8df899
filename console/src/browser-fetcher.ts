import type { GraphiQLProps } from "graphiql";
import { effectiveOperationName } from "./operation-name.js";

type Fetcher = GraphiQLProps["fetcher"];

/**
 * Sends operations to this server's own /graphql, and nowhere else: the page is served by the same host,
 * so a relative URL keeps every request on it. The bearer token is read at send time, so a token typed
 * after the page loaded is used by the next run without rebuilding GraphiQL.
 */
export function browserFetcher(endpoint: string, token: () => string): Fetcher {
  return async (params, opts) => {
    const headers: Record<string, string> = { ...(opts?.headers ?? {}) };
    // Apollo's CSRF prevention rejects requests that a plain HTML form could send.
    headers["content-type"] = "application/json";
    const bearer = token().trim();
    if (bearer) headers["authorization"] = `Bearer ${bearer}`;
    const response = await fetch(endpoint, {
      method: "POST",
      headers,
      body: JSON.stringify({ ...params, operationName: effectiveOperationName(params.query, params.operationName) }),
      credentials: "omit",
    });
    return readResult(response);
  };
}

/** Apollo answers errors with a JSON body too; anything else becomes a GraphQL-shaped error to show. */
async function readResult(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
  }
}
