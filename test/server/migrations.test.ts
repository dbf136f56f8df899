import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHIPPED_PUBLIC_HOLIDAYS } from "../../server/src/domain/public-holidays.js";
import { createTestDatabase, testDrivers, type TestDatabase } from "../support/databases.js";

const TABLES = ["units", "directives", "cases", "apologies", "hpnet_tasks", "holidays", "api_tokens"];

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
});
