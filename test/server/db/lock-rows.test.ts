import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCK_TABLE, LeaseTimeout, takeImportTurn, underLease } from "../../../server/src/db/lock-rows.js";
import { createTestDatabase, testDrivers, type TestDatabase } from "../../support/databases.js";

/**
 * The locks every server process of one MariaDB database shares, as rows (db/lock-rows.ts): what
 * a Galera cluster replicates, unlike GET_LOCK. Here on one server; test/cluster/ runs them on
 * three Galera nodes. SQLite needs none (its writers take the file's lock).
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!testDrivers().includes("mariadb"))("lock rows on MariaDB", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase("mariadb");
  });
  afterAll(() => database?.drop());

  it("exist once the database is opened (before any migration ran)", async () => {
    const rows: { name: string; holder: string | null }[] = await database.db.query(`SELECT name, holder FROM ${LOCK_TABLE} ORDER BY name`);
    expect(rows).toEqual([
      { name: "import", holder: null },
      { name: "migrate", holder: null },
    ]);
  });

  it("a lease is held by one at a time, and released", async () => {
    const events: string[] = [];
    const holder = (name: string) =>
      underLease(database.db, "migrate", 10_000, async () => {
        events.push(`${name} in`);
        await sleep(300);
        events.push(`${name} out`);
      });
    await Promise.all([holder("a"), holder("b"), holder("c")]);
    for (let k = 0; k < events.length; k += 2) expect(events[k].split(" ")[0]).toBe(events[k + 1].split(" ")[0]);
    const [row] = await database.db.query(`SELECT holder FROM ${LOCK_TABLE} WHERE name = 'migrate'`);
    expect(row.holder).toBeNull();
  });

  it("a live holder's lease makes the next one wait, up to its limit", async () => {
    await database.db.query(`UPDATE ${LOCK_TABLE} SET holder = 'other', expiresAt = NOW(3) + INTERVAL 30 SECOND WHERE name = 'migrate'`);
    await expect(underLease(database.db, "migrate", 400, async () => "ran")).rejects.toBeInstanceOf(LeaseTimeout);
    await database.db.query(`UPDATE ${LOCK_TABLE} SET holder = NULL, expiresAt = NULL WHERE name = 'migrate'`);
  });

  it("a dead holder's expired lease is taken over", async () => {
    await database.db.query(`UPDATE ${LOCK_TABLE} SET holder = 'dead', expiresAt = NOW(3) - INTERVAL 1 SECOND WHERE name = 'migrate'`);
    expect(await underLease(database.db, "migrate", 1000, async () => "ran")).toBe("ran");
  });

  it("the import turn makes a second transaction wait until the first has committed, and counts turns", async () => {
    const [before] = await database.db.query(`SELECT turns FROM ${LOCK_TABLE} WHERE name = 'import'`);
    const events: string[] = [];
    const first = database.db.transaction(async (manager) => {
      await takeImportTurn(manager, 10);
      events.push("first has it");
      await sleep(500);
      events.push("first commits");
    });
    await sleep(100);
    const second = database.db.transaction(async (manager) => {
      await takeImportTurn(manager, 10);
      events.push("second has it");
    });
    await Promise.all([first, second]);
    expect(events).toEqual(["first has it", "first commits", "second has it"]);
    const [after] = await database.db.query(`SELECT turns FROM ${LOCK_TABLE} WHERE name = 'import'`);
    expect(Number(after.turns) - Number(before.turns)).toBe(2);
    // The session's lock wait timeout is back to the server's.
    const [timeout] = await database.db.query("SELECT @@SESSION.innodb_lock_wait_timeout = @@GLOBAL.innodb_lock_wait_timeout AS same");
    expect(Number(timeout.same)).toBe(1);
  });
});
