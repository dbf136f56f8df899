import type { DataSource } from "typeorm";
import { afterAll, beforeAll } from "vitest";
import { Apology } from "../../../server/src/entities/apology.entity.js";
import { Case } from "../../../server/src/entities/case.entity.js";
import { HpNetTask } from "../../../server/src/entities/hpnet-task.entity.js";
import { Unit } from "../../../server/src/entities/unit.entity.js";
import type { Principal } from "../../../server/src/core/principal.js";
import { Role } from "../../../server/src/core/enums.js";
import { csvRecords, csvText } from "../../../server/src/imports/csv-records.js";
import type { ImportKind } from "../../../server/src/imports/import-columns.js";
import type { ImportOutcome } from "../../../server/src/imports/import-result.js";
import { runImport } from "../../../server/src/imports/import-run.js";
import { UnitKind } from "../../../server/src/core/enums.js";
import { createTestDatabase, type TestDatabase, type TestDriver } from "../../support/databases.js";

export const ADMIN: Principal = { role: Role.ADMIN, unitId: null, tokenId: null };

/** The Authority's units as imports meet them; "QLĐT" checks that a Vietnamese code matches exactly. */
export async function seedUnits(db: DataSource): Promise<Record<string, number>> {
  const repository = db.getRepository(Unit);
  const units = await repository.save([
    repository.create({ code: "VP", name: "Văn phòng", kind: UnitKind.DEPARTMENT }),
    repository.create({ code: "QLĐT", name: "Phòng Quản lý Đầu tư", kind: UnitKind.DEPARTMENT }),
    repository.create({ code: "TTXT", name: "Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm", kind: UnitKind.SERVICE_UNIT }),
  ]);
  return Object.fromEntries(units.map((u) => [u.code, u.id]));
}

/** The database a describe block's import tests share, readable once its beforeAll has run. */
export interface ImportDatabase {
  readonly db: DataSource;
  /** Unit id by code, as seedUnits made them. */
  readonly units: Record<string, number>;
}

/**
 * Registers the hooks every import suite needs: a fresh database for the driver with the units
 * seeded before the tests (then `prepare`, for a suite's own rows), dropped after them.
 */
export function importDatabase(driver: TestDriver, prepare?: (db: DataSource) => Promise<void>): ImportDatabase {
  let database: TestDatabase | undefined;
  let units: Record<string, number> = {};
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    units = await seedUnits(database.db);
    await prepare?.(database.db);
  });
  afterAll(() => database?.drop());
  return {
    get db() {
      if (!database) throw new Error("The import database exists only once the suite's beforeAll has run");
      return database.db;
    },
    get units() {
      return units;
    },
  };
}

export function importCsv(
  db: DataSource,
  kind: ImportKind,
  csv: string,
  actor: Principal = ADMIN,
  batchSize?: number,
): Promise<ImportOutcome> {
  return runImport(db, kind, csvRecords(csvText(csv)), { actor, batchSize });
}

/** Vietnamese letters written decomposed (NFD), as some exports do. */
export const decomposed = (text: string): string => text.normalize("NFD");

export const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** What the stored cases hold, in code order, moments as ISO strings: what import tests compare. */
export async function storedCases(db: DataSource) {
  return (await db.getRepository(Case).find({ order: { code: "ASC" } })).map((c) => ({
    code: c.code,
    procedureName: c.procedureName,
    applicantName: c.applicantName,
    unitId: c.unitId,
    receivedAt: iso(c.receivedAt),
    dueAt: iso(c.dueAt),
    resolvedAt: iso(c.resolvedAt),
  }));
}

/** What the stored apologies hold, in case id order, moments as ISO strings. */
export async function storedApologies(db: DataSource) {
  return (await db.getRepository(Apology).find({ order: { caseId: "ASC" } })).map((a) => ({
    caseId: a.caseId,
    number: a.number,
    issuedAt: iso(a.issuedAt),
    reason: a.reason,
    newDueAt: iso(a.newDueAt),
    signer: a.signer,
    publishedAt: iso(a.publishedAt),
  }));
}

/** What the stored HpNet tasks hold, in HpNet id order, moments as ISO strings. */
export async function storedTasks(db: DataSource) {
  return (await db.getRepository(HpNetTask).find({ order: { externalId: "ASC" } })).map((t) => ({
    externalId: t.externalId,
    title: t.title,
    unitId: t.unitId,
    assignee: t.assignee,
    assignedAt: iso(t.assignedAt),
    dueAt: iso(t.dueAt),
    completionReportedAt: iso(t.completionReportedAt),
    archivedAt: iso(t.archivedAt),
    workFileCode: t.workFileCode,
    workFileCreatedAt: iso(t.workFileCreatedAt),
  }));
}
