import type { GraphQLResponse } from "./test-server.js";

/**
 * POST /graphql at `baseUrl` with a bearer token, for servers running as processes of their own.
 * An answer that is not JSON (a proxy's page, a cut body) becomes one error naming its start, so a
 * test reads every answer the same way; a request that gets no answer at all still throws.
 */
export async function postGraphql<T = Record<string, any>>(
  baseUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  timeoutMs: number,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as object) };
  } catch {
    return { status: response.status, errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
}
