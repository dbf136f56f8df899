import { ApiError, contractCode, transportError } from "./api-error.js";
import { downloadToFile } from "./http-download.js";
import { httpPost } from "./http-post.js";

export interface GraphQLClientOptions {
  /** e.g. http://localhost:4000; the client posts to <serverUrl>/graphql. */
  serverUrl: string;
  token?: string;
  rejectUnauthorized?: boolean;
  timeoutMs?: number;
  /**
   * Runs before each request that carries the token, and may refuse it by throwing (the extension asks
   * there before a token goes over plain http to another machine).
   */
  beforeSendingToken?: (endpoint: URL) => Promise<void>;
}

export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** The server's answer exactly as sent: data and errors may both be present. */
export interface GraphQLResponse<T = unknown> {
  data?: T | null;
  errors?: GraphQLErrorEntry[];
}

export interface RequestOptions {
  operationName?: string;
  signal?: AbortSignal;
}

/** The GraphQL endpoint of a server address; a trailing /graphql or slash is accepted too. */
export function graphqlEndpoint(serverUrl: string): URL {
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    throw new ApiError("BAD_USER_INPUT", `"${serverUrl}" is not an address; set cchc.serverUrl to e.g. http://localhost:4000.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ApiError("BAD_USER_INPUT", `cchc.serverUrl must start with http:// or https://, not ${url.protocol}`);
  }
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path.endsWith("/graphql") ? path : `${path}/graphql`;
  return url;
}

/**
 * GraphQL over HTTP POST with the bearer token and `content-type: application/json`, which Apollo's
 * CSRF prevention requires. `request` throws an ApiError carrying the contract's code; `raw` hands back
 * whatever the server said, for the Run GraphQL Query command.
 */
export class GraphQLClient {
  readonly endpoint: URL;

  constructor(private readonly options: GraphQLClientOptions) {
    this.endpoint = graphqlEndpoint(options.serverUrl);
  }

  get hasToken(): boolean {
    return Boolean(this.options.token);
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<T> {
    const response = await this.raw<T>(query, variables, options);
    if (response.errors?.length) {
      const [first] = response.errors;
      const more = response.errors.length > 1 ? ` (and ${response.errors.length - 1} more)` : "";
      throw new ApiError(
        contractCode(first.extensions?.code),
        `${first.message}${more}`,
        JSON.stringify(response.errors.map(({ message, path, extensions }) => ({ message, path, code: extensions?.code }))),
      );
    }
    if (response.data == null) throw new ApiError("SERVER", "The server answered without data.");
    return response.data;
  }

  /**
   * Streams a document's downloadPath ("/documents/…?…", a path on the same server) into the file
   * `target`, with the same bearer token; answers the bytes written.
   */
  async download(
    downloadPath: string,
    target: string,
    options: { signal?: AbortSignal; onProgress?: (received: number, total: number | null) => void } = {},
  ): Promise<number> {
    if (!downloadPath.startsWith("/")) throw new ApiError("SERVER", `The server gave a download path that is not on it: ${downloadPath}`);
    // Under the same base as /graphql, so a server behind a path prefix (https://host/cchc) works too.
    const url = new URL(this.endpoint.pathname.replace(/\/graphql$/, "") + downloadPath, this.endpoint);
    // "//other-host/…" or "/\\other-host/…" would resolve to another origin, which must never get the token.
    if (url.origin !== this.endpoint.origin) throw new ApiError("SERVER", `The server gave a download path that is not on it: ${downloadPath.slice(0, 200)}`);
    const headers: Record<string, string> = {};
    if (this.options.token) {
      await this.options.beforeSendingToken?.(this.endpoint);
      headers.authorization = `Bearer ${this.options.token}`;
    }
    return downloadToFile(url, target, {
      headers,
      rejectUnauthorized: this.options.rejectUnauthorized ?? true,
      idleTimeoutMs: this.options.timeoutMs ?? 120_000,
      signal: options.signal,
      onProgress: options.onProgress,
    });
  }

  async raw<T = unknown>(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
    };
    if (this.options.token) {
      await this.options.beforeSendingToken?.(this.endpoint);
      headers.authorization = `Bearer ${this.options.token}`;
    }
    const body = JSON.stringify({ query, variables, ...(options.operationName ? { operationName: options.operationName } : {}) });

    let response;
    try {
      response = await httpPost(this.endpoint, body, {
        headers,
        rejectUnauthorized: this.options.rejectUnauthorized ?? true,
        timeoutMs: this.options.timeoutMs ?? 120_000,
        signal: options.signal,
      });
    } catch (error) {
      throw transportError(error, this.endpoint.toString());
    }

    let parsed: GraphQLResponse<T> | undefined;
    try {
      parsed = JSON.parse(response.body) as GraphQLResponse<T>;
    } catch {
      parsed = undefined;
    }
    if (parsed && (parsed.data !== undefined || Array.isArray(parsed.errors))) return parsed;

    if (response.status === 401) {
      throw new ApiError("UNAUTHENTICATED", "The server refused the token. Run CCHC: Sign In again.");
    }
    if (response.status === 403) throw new ApiError("FORBIDDEN", "This token may not do that.");
    throw new ApiError(
      "HTTP",
      `The server at ${this.endpoint} answered HTTP ${response.status} without a GraphQL result. Is cchc.serverUrl the CCHC server?`,
      response.body.slice(0, 500),
    );
  }
}
