import { Like } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Case } from "../../../server/src/entities/case.entity.js";
import { Unit } from "../../../server/src/entities/unit.entity.js";
import { csvRecords, csvText } from "../../../server/src/imports/csv-records.js";
import { runImport } from "../../../server/src/imports/import-run.js";
import { LOCK_CONFLICT_ATTEMPTS, retryOnLockConflict } from "../../../server/src/db/lock-conflict-retry.js";
import { testDrivers } from "../../support/databases.js";
import { dataOf, startTestServer, type GraphQLResponse, type TestServer } from "../../support/test-server.js";
import { ADMIN, importDatabase, storedApologies, storedCases, storedTasks } from "./import-fixtures.js";

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  errors: unknown[];
}

/** Identical requests sent at once: enough that on MariaDB they overlap inside their transactions. */
const CONTENDERS = 4;
const RESULT = "created updated unchanged errors { line column message } errorCount";

/**
 * The same file imported several times at once must answer as if the imports ran one after
 * another: one creates every row, the others find them unchanged. On MariaDB every import used
 * to plan from a snapshot read taken before anyone wrote, so each answered "created"; SQLite
 * queues its imports and always answered this way.
 */
describe.each(testDrivers())("the same new file imported several times at once on %s", (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(driver);
    for (const [code, name] of [["VP", "Văn phòng"], ["QLĐT", "Phòng Quản lý Đầu tư"]]) {
      dataOf(await server.gql(`mutation ($i: UnitInput!) { upsertUnit(input: $i) { id } }`, { i: { code, name, kind: "DEPARTMENT" } }));
    }
    // Dry runs at once open as many pooled connections as there are contenders, so that the
    // first race below is not serialised by the pool connecting one client after another.
    const warmUp = "code,procedure_name,applicant_name,unit_code,received_at,due_at\nWARM-1,P,A,VP,01/11/2023,10/11/2023\n";
    await Promise.all(
      Array.from({ length: CONTENDERS }, async () =>
        dataOf(await server.gql(`mutation ($csv: String!) { importCases(csv: $csv, dryRun: true) { created } }`, { csv: warmUp })),
      ),
    );
  });
  afterAll(() => server?.close());

  /** Fires the mutation CONTENDERS times at once; every answer must be data, never an error. */
  async function importAtOnce(mutation: string, field: string, csv: string): Promise<Counts[]> {
    const responses: GraphQLResponse[] = await Promise.all(
      Array.from({ length: CONTENDERS }, () => server.gql(`mutation ($csv: String!) { ${mutation}(csv: $csv) { ${RESULT} } }`, { csv })),
    );
    return responses.map((response) => dataOf(response)[field] as Counts);
  }

  /** One import created the rows, every other one found them all unchanged. */
  function expectOneAfterAnother(results: Counts[], rows: number) {
    const ordered = [...results].sort((a, b) => b.created - a.created);
    expect(ordered).toEqual([
      { created: rows, updated: 0, unchanged: 0, errors: [], errorCount: 0 },
      ...Array.from({ length: CONTENDERS - 1 }, () => ({ created: 0, updated: 0, unchanged: rows, errors: [], errorCount: 0 })),
    ]);
  }

  it("importCases: one import creates the two cases, the others find them unchanged", async () => {
    const csv =
      "code,procedure_name,applicant_name,unit_code,received_at,due_at,resolved_at\n" +
      "RACE-1,Cấp phép,Công ty A,VP,01/11/2023,10/11/2023,15/11/2023 09:00\n" +
      "RACE-2,Cấp phép,Công ty B,QLĐT,01/11/2023,10/11/2023,\n";
    expectOneAfterAnother(await importAtOnce("importCases", "importCases", csv), 2);
    const units = await server.database.db.getRepository(Unit).find();
    const unitId = (code: string) => units.find((unit) => unit.code === code)?.id;
    expect(await storedCases(server.database.db)).toEqual([
      {
        code: "RACE-1",
        procedureName: "Cấp phép",
        applicantName: "Công ty A",
        unitId: unitId("VP"),
        receivedAt: "2023-10-31T17:00:00.000Z",
        dueAt: "2023-11-10T16:59:59.000Z",
        resolvedAt: "2023-11-15T02:00:00.000Z",
      },
      {
        code: "RACE-2",
        procedureName: "Cấp phép",
        applicantName: "Công ty B",
        unitId: unitId("QLĐT"),
        receivedAt: "2023-10-31T17:00:00.000Z",
        dueAt: "2023-11-10T16:59:59.000Z",
        resolvedAt: null,
      },
    ]);
  });

  it("importApologies: one import creates the apologies of existing cases, the others find them unchanged", async () => {
    const csv =
      "case_code,number,issued_at,reason,new_due_at,signer\n" +
      "RACE-1,01/PXL,12/11/2023,Thiếu hồ sơ,20/11/2023,Nguyễn Văn A\n" +
      "RACE-2,02/PXL,12/11/2023,Chờ ý kiến,21/11/2023,Nguyễn Văn A\n";
    expectOneAfterAnother(await importAtOnce("importApologies", "importApologies", csv), 2);
    expect((await storedApologies(server.database.db)).map((a) => [a.number, a.newDueAt])).toEqual([
      ["01/PXL", "2023-11-20T16:59:59.000Z"],
      ["02/PXL", "2023-11-21T16:59:59.000Z"],
    ]);
  });

  it("importHpNetTasks: one import creates the three tasks, the others find them unchanged", async () => {
    const csv =
      "external_id,title,unit_code,assigned_at\n" +
      "HP-RACE-1,Việc một,VP,01/11/2023\n" +
      "HP-RACE-2,Việc hai,VP,02/11/2023\n" +
      "HP-RACE-3,Việc ba,QLĐT,03/11/2023\n";
    expectOneAfterAnother(await importAtOnce("importHpNetTasks", "importHpNetTasks", csv), 3);
    expect((await storedTasks(server.database.db)).map((t) => [t.externalId, t.title, t.assignedAt])).toEqual([
      ["HP-RACE-1", "Việc một", "2023-10-31T17:00:00.000Z"],
      ["HP-RACE-2", "Việc hai", "2023-11-01T17:00:00.000Z"],
      ["HP-RACE-3", "Việc ba", "2023-11-02T17:00:00.000Z"],
    ]);
  });

  it("imports of different new keys at once, several batches each, all create their rows", async () => {
    // Keys that sort together fall into one gap of the index, the case where locking reads of
    // concurrent imports used to deadlock batch after batch (measured: two rounds in five failed).
    const rowsEach = 1500;
    for (const round of [1, 2, 3, 4, 5]) {
      const csvOf = (n: number) =>
        "code,procedure_name,applicant_name,unit_code,received_at,due_at\n" +
        Array.from({ length: rowsEach }, (_, i) => `GAP-${round}-${String(i).padStart(5, "0")}-${n},P,A,VP,01/11/2023,10/11/2023\n`).join("");
      const outcomes = await Promise.all(
        Array.from({ length: CONTENDERS }, (_, n) =>
          runImport(server.database.db, "cases", () => csvRecords(csvText(csvOf(n))), { actor: ADMIN, batchSize: 100 }),
        ),
      );
      expect(outcomes).toEqual(Array.from({ length: CONTENDERS }, () => ({ created: rowsEach, updated: 0, unchanged: 0, errors: [], errorCount: 0 })));
    }
    expect(await server.database.db.getRepository(Case).countBy({ code: Like("GAP-%") })).toBe(5 * CONTENDERS * rowsEach);
  });
});

/**
 * A deadlock the import cannot avoid by taking turns with other imports: another transaction
 * locks the gap of the import's new key, then inserts that key itself once the import waits on
 * it. InnoDB rolls back the lighter transaction, the import (it has written nothing yet); run
 * again, the import finds the other's row.
 */
describe.skipIf(!testDrivers().includes("mariadb"))("an import caught in a deadlock on mariadb", () => {
  const database = importDatabase("mariadb");
  const CSV = "code,procedure_name,applicant_name,unit_code,received_at,due_at\nDL-1,P,A,VP,01/11/2023,10/11/2023\n";

  it("is rolled back by InnoDB, runs again, and counts the other transaction's row as unchanged", async () => {
    const { db, units } = database;
    const deadlocks = async () => Number((await db.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'"))[0].Value);
    const before = await deadlocks();
    const other = db.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      // Fifty rows of its own make the other transaction the heavier one, so InnoDB picks the import.
      const insert = "INSERT INTO cases (code, procedureName, applicantName, unitId, receivedAt, dueAt) VALUES ";
      const tuple = (code: string) => [code, "P", "A", units.VP, "2023-10-31 17:00:00.000", "2023-11-10 16:59:59.000"];
      const others = Array.from({ length: 50 }, (_, i) => `ZZ-${i}`);
      await other.query(insert + others.map(() => "(?, ?, ?, ?, ?, ?)").join(", "), others.flatMap(tuple));
      await other.query("SELECT id FROM cases WHERE code = 'DL-1' FOR UPDATE");

      const outcome = runImport(db, "cases", () => csvRecords(csvText(CSV)), { actor: ADMIN });
      await waitUntil(async () => {
        const waiting = await db.query("SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'");
        return Number(waiting[0].n) > 0;
      });
      await other.query(insert + "(?, ?, ?, ?, ?, ?)", tuple("DL-1"));
      await other.commitTransaction();

      expect(await outcome).toEqual({ created: 0, updated: 0, unchanged: 1, errors: [], errorCount: 0 });
      expect(await deadlocks()).toBeGreaterThan(before);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
  });
});

/** Polled every 200 ms: InnoDB refreshes information_schema.INNODB_TRX only when 100 ms passed since it was last read. */
async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the import to wait on a lock");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("retryOnLockConflict", () => {
  const conflict = (code: string) => Object.assign(new Error(code), { driverError: { code } });
  const noPause = async () => undefined;

  it("runs the work again after a deadlock or a lock wait timeout", async () => {
    const failures = [conflict("ER_LOCK_DEADLOCK"), conflict("ER_LOCK_WAIT_TIMEOUT")];
    let runs = 0;
    const answer = await retryOnLockConflict(async () => {
      runs += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return "done";
    }, LOCK_CONFLICT_ATTEMPTS, noPause);
    expect([answer, runs]).toEqual(["done", 3]);
  });

  it("gives up after the last attempt, and never repeats work that failed otherwise", async () => {
    let runs = 0;
    const deadlocked = retryOnLockConflict(async () => {
      runs += 1;
      throw conflict("ER_LOCK_DEADLOCK");
    }, LOCK_CONFLICT_ATTEMPTS, noPause);
    await expect(deadlocked).rejects.toThrow("ER_LOCK_DEADLOCK");
    expect(runs).toBe(LOCK_CONFLICT_ATTEMPTS);

    runs = 0;
    const broken = retryOnLockConflict(async () => {
      runs += 1;
      throw conflict("ER_DUP_ENTRY");
    }, LOCK_CONFLICT_ATTEMPTS, noPause);
    await expect(broken).rejects.toThrow("ER_DUP_ENTRY");
    expect(runs).toBe(1);
  });
});
