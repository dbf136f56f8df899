import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../../server/src/app.js";
import type { DatabaseConfig } from "../../../server/src/config.js";
import { openDatabase } from "../../../server/src/db/data-source.js";
import { runImport } from "../../../server/src/imports/import-run.js";
import type { SourceRecord } from "../../../server/src/imports/source-record.js";
import { createTestDatabase, testDrivers, type TestDatabase, type TestDriver } from "../../support/databases.js";
import { ADMIN_TOKEN } from "../../support/test-server.js";
import { ADMIN, seedUnits } from "./import-fixtures.js";

const HEADER = "code,procedure_name,applicant_name,unit_code,received_at,due_at\n";
const rows = (prefix: string, count: number) =>
  HEADER + Array.from({ length: count }, (_, i) => `${prefix}-${i + 1},Cấp phép,Công ty ${i + 1},VP,01/11/2023,17/11/2023\n`).join("");

/**
 * A real server on a database the way production has it: a SQLite FILE (an in-memory database has
 * no second connection, so it cannot show the busy wait) or a fresh MariaDB database (pool of 10).
 */
async function serverOn(driver: TestDriver): Promise<{ app: App; url: string; close(): Promise<void> }> {
  let database: TestDatabase;
  let dir: string | null = null;
  if (driver === "sqlite") {
    dir = mkdtempSync(join(tmpdir(), "cchc-import-beside-"));
    const config: DatabaseConfig = { type: "sqlite", path: join(dir, "cchc.sqlite") };
    const db = await openDatabase(config);
    database = { db, config, drop: () => db.destroy() };
  } else {
    database = await createTestDatabase(driver);
  }
  await seedUnits(database.db);
  const app = await createApp({ database: database.config, adminToken: ADMIN_TOKEN }, database.db);
  const port = await app.listen(0, "127.0.0.1");
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
      await database.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.each(testDrivers())("an import beside other requests on %s", (driver) => {
  let server: Awaited<ReturnType<typeof serverOn>>;
  beforeAll(async () => {
    server = await serverOn(driver);
  });
  afterAll(() => server?.close());

  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  };
  const importCases = (csv: string, dryRun = false) =>
    post(`mutation ($csv: String!, $d: Boolean) { importCases(csv: $csv, dryRun: $d) { created errorCount } }`, { csv, d: dryRun });

  /** Runs the large import and, once it is under way, the other requests; records the order they end in. */
  async function beside(large: Promise<unknown>, others: Record<string, () => Promise<unknown>>) {
    const finished: string[] = [];
    const done = large.then((value) => (finished.push("large import"), value));
    // Let the large import take its transaction (and, before the fix, the write lock).
    await new Promise((resolve) => setTimeout(resolve, 400));
    const results = await Promise.all(
      Object.entries(others).map(([name, run]) => run().then((value) => (finished.push(name), value))),
    );
    return { finished, results, large: await done };
  }

  /**
   * An import that holds its transaction for 6 s (more than SQLite's 5 s busy timeout): its file
   * pauses after the first batch was written (or, on a dry run, read).
   */
  async function* pausing(prefix: string): AsyncGenerator<SourceRecord> {
    yield { line: 1, cells: HEADER.trim().split(",") };
    for (let i = 1; i <= 600; i += 1) yield { line: i + 1, cells: [`${prefix}-${i}`, "Cấp phép", "Công ty", "VP", "01/11/2023", "17/11/2023"] };
    await new Promise((resolve) => setTimeout(resolve, 6000));
  }
  /**
   * /health answers while the import runs: its read of the database is "ok". (Its write probe may
   * call the write path stuck on SQLite while a long import holds the write lock; that is /health's
   * own judgement, not asserted here.)
   */
  const health = async () => ((await (await fetch(`${server.url}/health`)).json()) as { database: { status: string } }).database.status;

  it("serves /health while an import holds its transaction, and a write meanwhile waits its turn and succeeds", async () => {
    const write = () => post(`mutation { upsertUnit(input: { code: "MỚI", name: "Đơn vị mới", kind: DEPARTMENT }) { code } }`);
    const importing = runImport(server.app.db, "cases", pausing("HOLD"), { actor: ADMIN });
    const { finished, results, large } = await beside(importing, { health, write });
    expect(large).toMatchObject({ created: 600, errorCount: 0 });
    expect(results).toEqual(["ok", { data: { upsertUnit: { code: "MỚI" } } }]);
    expect(finished.indexOf("health")).toBeLessThan(finished.indexOf("large import"));
    // SQLite has one writer at a time: the write comes after the import. MariaDB locks rows, not the database.
    if (driver === "sqlite") expect(finished.indexOf("write")).toBeGreaterThan(finished.indexOf("large import"));
    else expect(finished.indexOf("write")).toBeLessThan(finished.indexOf("large import"));
  }, 60_000);

  it("lets a write pass beside a dry run, which only reads", async () => {
    const write = () => post(`mutation { upsertUnit(input: { code: "KHÁC", name: "Đơn vị khác", kind: DEPARTMENT }) { code } }`);
    const dryRun = runImport(server.app.db, "cases", pausing("DRY"), { actor: ADMIN, dryRun: true });
    const { finished, results, large } = await beside(dryRun, { health, write });
    expect(large).toMatchObject({ created: 600, errorCount: 0 });
    expect(results).toEqual(["ok", { data: { upsertUnit: { code: "KHÁC" } } }]);
    expect(finished.indexOf("health")).toBeLessThan(finished.indexOf("large import"));
    expect(finished.indexOf("write")).toBeLessThan(finished.indexOf("large import"));
  }, 60_000);

  it("imports a large file through the API while other requests are answered", async () => {
    const read = async () => (await post(`{ units { code } }`)).data?.units.length;
    // On SQLite /health's write probe waits for the import's write lock (up to its own timeout), so a read stands in.
    const others: Record<string, () => Promise<unknown>> = driver === "sqlite" ? { read } : { read, health };
    const { finished, large } = await beside(importCases(rows("BIG", 30_000)), others);
    expect(large).toEqual({ data: { importCases: { created: 30_000, errorCount: 0 } } });
    expect(finished.indexOf("read")).toBeLessThan(finished.indexOf("large import"));
    if (driver !== "sqlite") expect(finished.indexOf("health")).toBeLessThan(finished.indexOf("large import"));
  }, 300_000);

  it("keeps ten small imports waiting behind a large one from starving the connections /health and writes need", async () => {
    const others: Record<string, () => Promise<unknown>> = {};
    for (let i = 1; i <= 10; i += 1) others[`small import ${i}`] = () => importCases(rows(`SMALL${i}`, 3));
    others.health = health;
    others.read = () => post(`{ units { code } }`);
    const { finished, results, large } = await beside(importCases(rows("LARGE", 30_000)), others);
    expect(large).toEqual({ data: { importCases: { created: 30_000, errorCount: 0 } } });
    for (let i = 0; i < 10; i += 1) expect(results[i]).toEqual({ data: { importCases: { created: 3, errorCount: 0 } } });
    expect(results[10]).toBe("ok");
    if (driver !== "sqlite") expect(finished.indexOf("health")).toBeLessThan(finished.indexOf("large import"));
    expect(finished.indexOf("read")).toBeLessThan(finished.indexOf("large import"));
  }, 300_000);
});
