/**
 * Messages between the console webview and the extension host. The webview never sees the token: it
 * posts the operation, the host adds the Authorization header from SecretStorage and posts back the body.
 * The extension imports these types too (extension/src/console/), so both sides agree on one shape.
 */
export interface RelayRequest {
  type: "graphql";
  id: number;
  body: { query: string; operationName?: string | null; variables?: unknown };
}

export interface RelayResponse {
  type: "graphql-result";
  id: number;
  /** The server's JSON body (data and/or errors); absent when the request failed before an answer. */
  result?: unknown;
  /** Why no answer came back (server unreachable, no token stored); shown as a GraphQL error. */
  error?: string;
}
