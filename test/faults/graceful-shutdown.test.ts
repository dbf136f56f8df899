import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../support/databases.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";
import { ADMIN_TOKEN } from "../support/test-server.js";
import { casesCsv, createUrlDatabase, type UrlDatabase } from "./fault-fixtures.js";

const ROWS = 120_000;
const IMPORT = "mutation($csv: String!) { importCases(csv: $csv) { created updated unchanged errorCount } }";

function post(port: number, query: string, variables: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(240_000),
  });
}

describe.each(testDrivers())("SIGTERM during a %s import", (driver) => {
  let database: UrlDatabase;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await createUrlDatabase(driver);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("lets the running import commit, answers 503 to new requests meanwhile, then exits 0", { timeout: 300_000 }, async () => {
    server = startServerProcess({ DATABASE_URL: database.url, CCHC_ADMIN_TOKEN: ADMIN_TOKEN, CCHC_SHUTDOWN_GRACE_SECONDS: "200" });
    const port = await server.ready;
    const exited = new Promise<number | null>((resolve) => server!.child.once("exit", (code) => resolve(code)));

    let settled = false;
    const running = post(port, IMPORT, { csv: casesCsv("TERM", ROWS) }).then(async (response) => {
      settled = true;
      return { status: response.status, body: (await response.json()) as { data?: { importCases: { created: number; errorCount: number } } } };
    });
    // Let the request arrive and the import start (120,000 rows take seconds). Meanwhile /health is
    // 200: on SQLite the import holds the write lock on purpose (busy, not stuck), which also tells
    // that it has begun; a loaded machine may take a while to upload and start it, so ask until then.
    const expected = driver === "sqlite" ? "busy" : "ok";
    let health: Response;
    let state: { writes: { status: string } };
    const deadline = Date.now() + 60_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, driver === "sqlite" ? 250 : 1_500));
      health = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(10_000) });
      state = (await health.json()) as { writes: { status: string } };
    } while (state.writes.status !== expected && !settled && Date.now() < deadline);
    expect(settled, "the import finished before SIGTERM: the test proves nothing").toBe(false);
    expect(health.status).toBe(200);
    expect(state.writes.status).toBe(expected);
    server.child.kill("SIGTERM");
    // The signal is handled when the event loop next polls, which a loaded machine and an import's
    // batch can delay: ask until the drain answers (a 200 before it is a request that came first).
    let refused = await post(port, "{ __typename }");
    for (const deadline = Date.now() + 15_000; refused.status !== 503 && Date.now() < deadline; ) {
      await refused.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 100));
      refused = await post(port, "{ __typename }");
    }
    expect(settled, "the import finished before the drain began: the test proves nothing").toBe(false);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/shutting down/);

    const done = await running;
    expect(done.status).toBe(200);
    expect(done.body.data?.importCases).toEqual({ created: ROWS, updated: 0, unchanged: 0, errorCount: 0 });
    expect(await exited).toBe(0);

    const [row] = await database.query<{ n: number | string }>("SELECT COUNT(*) AS n FROM cases WHERE code LIKE 'TERM-%'");
    expect(Number(row.n)).toBe(ROWS);
  });
});
