import { statSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../support/databases.js";
import { startLoopbackServer, type LoopbackServer } from "../support/loopback-server-process.js";
import { casesCsv, createUrlDatabase, until, type UrlDatabase } from "./fault-fixtures.js";

const ROWS = 100_000;
const IMPORT = "mutation($csv: String!) { importCases(csv: $csv) { created updated unchanged errors { line message } } }";

/**
 * Is the import writing right now, uncommitted? MariaDB: this database's open InnoDB transaction has
 * modified rows. SQLite: another connection cannot take the write lock, and the WAL holds megabytes of
 * the import's pages (spilled from the cache before the commit).
 */
async function importIsWriting(database: UrlDatabase): Promise<boolean> {
  if (database.admin) {
    const [rows] = await database.admin.query(
      `SELECT t.trx_rows_modified AS modified FROM information_schema.innodb_trx t
       JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id WHERE p.db = ?`,
      [database.name],
    );
    return (rows as { modified: number }[]).some((r) => Number(r.modified) >= 10_000);
  }
  let walBytes = 0;
  try {
    walBytes = statSync(`${database.path}-wal`).size;
  } catch {
    return false;
  }
  if (walBytes < 4 * 1024 * 1024) return false;
  const probe = new Database(database.path!, { timeout: 0 });
  try {
    probe.exec("BEGIN IMMEDIATE");
    probe.exec("ROLLBACK");
    return false; // nobody holds the write lock: the import is not in its transaction
  } catch (error) {
    return (error as { code?: string }).code === "SQLITE_BUSY";
  } finally {
    probe.close();
  }
}

describe.each(testDrivers())("SIGKILL in the middle of a %s import", (driver) => {
  let database: UrlDatabase;
  let server: LoopbackServer | undefined;

  beforeAll(async () => {
    database = await createUrlDatabase(driver);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it(`leaves no row of a ${ROWS.toLocaleString("en")}-row importCases, and the server works after a restart`, { timeout: 300_000 }, async () => {
    server = await startLoopbackServer(database.url);
    const before = await server.gql("mutation { upsertCase(input: { code: \"KEEP-1\", procedureName: \"Cấp phép\", applicantName: \"Lê Văn Giữ\", unitCode: \"VP\", receivedAt: \"2023-03-01T08:00:00+07:00\", dueAt: \"2023-03-10T17:00:00+07:00\" }) { id } }");
    expect(before.errors).toBeUndefined();

    const pending = server.gql(IMPORT, { csv: casesCsv("KILL", ROWS) }, 280_000).then(
      (answer) => ({ answer }),
      (error: Error) => ({ error }),
    );
    // Wait until the import is writing, not merely reading the file, then kill it there. Every 250 ms:
    // InnoDB refreshes information_schema.innodb_trx only when it was last read over 0.1 s ago, so
    // polling faster than that (on an idle machine) keeps reading the same empty snapshot forever.
    await until("the import to be writing its rows", async () => (await importIsWriting(database)) || (server!.child.exitCode !== null ? Promise.reject(new Error("server died")) : false), 240_000, 250);
    await server.kill();
    const outcome = await pending;
    expect("error" in outcome, `the import answered before the kill: ${JSON.stringify(outcome)}`).toBe(true);

    // Looked at from outside, before anything restarts: nothing of the import, the earlier write intact.
    const count = async (like: string) => Number((await database.query<{ n: number }>("SELECT COUNT(*) AS n FROM cases WHERE code LIKE ?", [like]))[0].n);
    await until("the killed transaction to be rolled back", async () => (await count("KILL-%")) === 0, 60_000, 250);
    expect(await count("KILL-%")).toBe(0);
    expect(await count("KEEP-%")).toBe(1);
    if (driver === "sqlite") expect(await database.query("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);

    // Restarted on the same database: healthy, no lock left behind, imports and writes succeed.
    server = await startLoopbackServer(database.url);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const again = await server.gql(IMPORT, { csv: casesCsv("AFTER", 1000) }, 60_000);
    expect(again.errors).toBeUndefined();
    expect(again.data?.importCases).toMatchObject({ created: 1000, errors: [] });
    expect(await count("KILL-%")).toBe(0);
    expect(await count("AFTER-%")).toBe(1000);
    await server.stop();
  });
});
