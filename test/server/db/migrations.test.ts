import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMysql } from "../../../server/src/db/data-source.js";
import { LOCK_TABLE } from "../../../server/src/db/lock-rows.js";
import { MIGRATIONS } from "../../../server/src/db/migrations/index.js";
import { SHIPPED_PUBLIC_HOLIDAYS } from "../../../server/src/domain/public-holidays.js";
import { createTestDatabase, testDrivers, type TestDatabase } from "../../support/databases.js";

const TABLES = ["units", "directives", "cases", "apologies", "hpnet_tasks", "holidays", "api_tokens"];

/**
 * What a migration may change, as text to compare: every table but TypeORM's own `migrations`
 * (columns, primary key, indices, uniques, foreign keys) and the rows of the tables migrations fill.
 */
async function snapshot(db: DataSource): Promise<string> {
  const runner = db.createQueryRunner();
  try {
    // Named, as getTables() without names lists every database of a MariaDB server.
    const names = (
      (await db.query(
        isMysql(db)
          ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()"
          : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )) as { name: string }[]
    )
      .map((row) => row.name)
      // TypeORM's own history, and the lock table the migrations' lock lives in (db/lock-rows.ts).
      .filter((name) => name !== "migrations" && name !== LOCK_TABLE);
    const tables = (names.length === 0 ? [] : await runner.getTables(names))
      .map((table) => ({
        name: table.name,
        columns: table.columns
          .map((c) => `${c.name} ${c.type}(${c.length}) ${c.isNullable ? "null" : "not null"}${c.isPrimary ? " primary" : ""}`)
          .sort(),
        indices: table.indices.map((i) => `${i.name} ${i.isUnique ? "unique " : ""}(${i.columnNames.join(",")})`).sort(),
        uniques: table.uniques.map((u) => `${u.name} (${u.columnNames.join(",")})`).sort(),
        foreignKeys: table.foreignKeys.map((f) => `${f.name} (${f.columnNames.join(",")}) -> ${f.referencedTableName}`).sort(),
      }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const filled = tables.some((t) => t.name === "holidays")
      ? ((await db.query("SELECT date, kind, name FROM holidays ORDER BY date")) as Record<string, unknown>[]).map((r) => `${String(r.date)} ${r.kind} ${r.name}`)
      : [];
    return JSON.stringify({ tables, holidays: filled }, null, 1);
  } finally {
    await runner.release();
  }
}

describe.each(testDrivers())("migrations on %s", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(() => database?.drop());

  it("create every table on an empty database, with the shipped 2023-2026 holidays, and undo cleanly", async () => {
    const runner = database.db.createQueryRunner();
    try {
      for (const table of TABLES) expect(await runner.hasTable(table), table).toBe(true);
      const holidays: { date: string; kind: string }[] = await database.db.query("SELECT date, kind FROM holidays");
      expect(holidays.length).toBe(SHIPPED_PUBLIC_HOLIDAYS.length);
      const executed = await database.db.query("SELECT COUNT(*) AS n FROM migrations");
      const count = Number(executed[0].n);
      expect(count).toBeGreaterThanOrEqual(1);
      for (let i = 0; i < count; i += 1) await database.db.undoLastMigration();
      for (const table of TABLES) expect(await runner.hasTable(table), table).toBe(false);
      await database.db.runMigrations();
      for (const table of TABLES) expect(await runner.hasTable(table), table).toBe(true);
      expect(await database.db.showMigrations()).toBe(false);
    } finally {
      await runner.release();
    }
  });

  it("runs every migration's down and then its up one at a time, each down undoing exactly its up", async () => {
    const { db } = database;
    const applied = ((await db.query("SELECT name FROM migrations")) as { name: string }[]).map((m) => m.name);
    expect(applied).toEqual(MIGRATIONS.map((M) => new M().name));

    // After migrations 1..k the database looks like states[k]; the downs are TypeORM's own undo.
    const states: string[] = [];
    states[MIGRATIONS.length] = await snapshot(db);
    for (let k = MIGRATIONS.length; k >= 1; k -= 1) {
      await db.undoLastMigration({ transaction: "each" });
      states[k - 1] = await snapshot(db);
      expect(states[k - 1], `${applied[k - 1]} down changed nothing`).not.toBe(states[k]);
    }
    expect(JSON.parse(states[0]).tables).toEqual([]);

    // Each up alone, on the state the downs left: it must rebuild exactly what its down removed.
    const runner = db.createQueryRunner();
    try {
      for (let k = 1; k <= MIGRATIONS.length; k += 1) {
        const migration = new MIGRATIONS[k - 1]();
        await runner.startTransaction();
        await migration.up(runner);
        await runner.commitTransaction();
        expect(await snapshot(db), `${migration.name} up`).toBe(states[k]);
      }
    } finally {
      await runner.release();
    }
  });
});
