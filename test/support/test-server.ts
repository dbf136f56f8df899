import { createApp, type App } from "../../server/src/app.js";
import { DEFAULT_LIMITS, type RequestLimits } from "../../server/src/config.js";
import { statementLogger } from "../../server/src/db/data-source.js";
import { createTestDatabase, type TestDatabase, type TestDriver } from "./databases.js";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestServer {
  app: App;
  database: TestDatabase;
  url: string;
  /** POST /graphql over real HTTP with a bearer token (default: the admin token). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** The same POST, answered as the raw fetch Response (status and headers). */
  gqlRaw(query: string, token?: string | null): Promise<Response>;
  /** Statements the data source has sent so far (the N+1 tests read the difference). */
  statements(): number;
  close(): Promise<void>;
}

/** The real app on a fresh database, listening on a free port of 127.0.0.1; `limits` override the defaults. */
export async function startTestServer(driver: TestDriver, limits: Partial<RequestLimits> = {}): Promise<TestServer> {
  const database = await createTestDatabase(driver);
  const app = await createApp({ database: database.config, adminToken: ADMIN_TOKEN, limits: { ...DEFAULT_LIMITS, ...limits } }, database.db);
  const port = await app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    database,
    url,
    async gql(query, variables, token = ADMIN_TOKEN) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const response = await fetch(`${url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, ...((await response.json()) as object) };
    },
    gqlRaw(query, token = ADMIN_TOKEN) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      return fetch(`${url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query }) });
    },
    statements: () => statementLogger(database.db).statements,
    async close() {
      await app.close();
      await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
      await database.drop();
    },
  };
}

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

export function errorCode(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
