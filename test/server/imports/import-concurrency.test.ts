import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../server/src/db/data-source.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { Unit } from "../../../server/src/entities/unit.entity.js";
import { UnitKind } from "../../../server/src/core/enums.js";
import { createTestDatabase, testDrivers, type TestDatabase } from "../../support/databases.js";
import { importCsv, seedUnits } from "./import-fixtures.js";

const HEADER = "code,procedure_name,applicant_name,unit_code,received_at,due_at\n";
const rows = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${i},P,A,VP,01/11/2023,17/11/2023`).join("\n");

/**
 * Imports beside other writes: on SQLite the server shares one connection, so an import must not
 * swallow (nor roll back) what other requests write meanwhile. A file database is what runs in
 * production; MariaDB has a pool.
 */
describe.each(testDrivers())("imports beside other writes on %s", (driver) => {
  let db: DataSource;
  let database: TestDatabase | null = null;
  let dir: string | null = null;

  beforeAll(async () => {
    if (driver === "sqlite") {
      dir = mkdtempSync(join(tmpdir(), "cchc-import-concurrency-"));
      db = await openDatabase({ type: "sqlite", path: join(dir, "cchc.sqlite") });
    } else {
      database = await createTestDatabase(driver);
      db = database.db;
    }
    await seedUnits(db);
  });
  afterAll(async () => {
    if (database) await database.drop();
    else await db?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a failing import's rollback, a good import's commit and a concurrent save apart", async () => {
    const good = importCsv(db, "cases", `${HEADER}${rows("GOOD", 3000)}\n`, undefined, 100);
    const bad = importCsv(db, "cases", `${HEADER}${rows("BAD", 2000)}\nBAD-X,P,A,NOPE,01/11/2023,17/11/2023\n`, undefined, 100);
    const repository = db.getRepository(Unit);
    const save = repository.save(repository.create({ code: "NEW", name: "Đơn vị mới", kind: UnitKind.SERVICE_UNIT }));
    const [goodResult, badResult] = await Promise.all([good, bad, save]);
    expect(goodResult).toEqual({ created: 3000, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
    expect(badResult.errors).toEqual([{ line: 2002, column: "unit_code", message: expect.stringContaining('"NOPE"') }]);
    expect(await db.getRepository(Case).count()).toBe(3000);
    expect(await repository.existsBy({ code: "NEW" })).toBe(true);
  });
});
