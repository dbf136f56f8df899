import { In, type DataSource, type SelectQueryBuilder } from "typeorm";
import { scopeWindow } from "../domain/compliance.js";
import { isTaskFiledAsOf, isTaskReportedAsOf } from "../domain/scope.js";
import { Apology } from "../entities/apology.entity.js";
import { Case } from "../entities/case.entity.js";
import { HpNetTask } from "../entities/hpnet-task.entity.js";
import { Unit } from "../entities/unit.entity.js";
import { sqlMoment, sqlNumber } from "../db/sql-moment.js";
import { compareCodePoints } from "../domain/code-order.js";
import type { DirectivePeriod } from "./compliance.sql.js";

/**
 * What units still owe under a directive as of a moment, row by row: the lists behind the
 * consolidated report and the reminder. The WHERE clauses are the row-level twins of the
 * aggregates in compliance.sql.ts, so a list's length per unit equals the Compliance gap.
 */
export interface OutstandingQuery {
  directive: DirectivePeriod;
  asOf: Date;
  /** One unit only; all units when absent. */
  unitId?: number;
}

export interface UnitCodes {
  codeOf(unitId: number): string;
}

async function unitCodes(db: DataSource): Promise<UnitCodes> {
  const units = await db.getRepository(Unit).find();
  const codes = new Map(units.map((u) => [u.id, u.code]));
  return { codeOf: (id) => codes.get(id) ?? String(id) };
}

/**
 * Runs one of the lists' queries, for one unit when asked, and orders its rows as both lists read:
 * by unit code, then by their moment, then by their own code, codes compared in code points.
 */
async function listedByUnit<T extends { unitId: number }>(
  db: DataSource,
  query: SelectQueryBuilder<T>,
  unitId: number | undefined,
  momentOf: (row: T) => Date,
  codeOf: (row: T) => string,
): Promise<{ row: T; unitCode: string }[]> {
  if (unitId !== undefined) query.andWhere(`${query.alias}.unitId = :unitId`, { unitId });
  const [rows, codes] = await Promise.all([query.getMany(), unitCodes(db)]);
  return rows
    .map((row) => ({ row, unitCode: codes.codeOf(row.unitId) }))
    .sort(
      (x, y) =>
        compareCodePoints(x.unitCode, y.unitCode) ||
        momentOf(x.row).getTime() - momentOf(y.row).getTime() ||
        compareCodePoints(codeOf(x.row), codeOf(y.row)),
    );
}

/**
 * Late cases in scope (LATE or OVERDUE as of the moment) whose apology was not issued at or
 * before the moment, ordered by unit code, due moment, case code.
 */
export async function outstandingCases(
  db: DataSource,
  q: OutstandingQuery,
): Promise<{ row: Case; unitCode: string }[]> {
  const window = scopeWindow(q.directive.periodStart, q.directive.periodEnd);
  const query = db
    .getRepository(Case)
    .createQueryBuilder("c")
    .leftJoin(Apology, "a", "a.caseId = c.id")
    .where("c.dueAt >= :from AND c.dueAt < :until", { from: sqlMoment(window.from), until: sqlMoment(window.until) })
    .andWhere("c.dueAt < :now AND (c.resolvedAt IS NULL OR c.resolvedAt > c.dueAt)", { now: sqlMoment(q.asOf) })
    .andWhere("(a.id IS NULL OR a.issuedAt > :now)");
  return listedByUnit(db, query, q.unitId, (c) => c.dueAt, (c) => c.code);
}

export interface OutstandingTaskRow {
  row: HpNetTask;
  unitCode: string;
  reported: boolean;
  filed: boolean;
}

/**
 * Tasks in scope (assigned inside the period, at or before the moment) not reported nor
 * archived, or without a work file, as of the moment; ordered by unit code, assignedAt, externalId.
 */
export async function outstandingTasks(db: DataSource, q: OutstandingQuery): Promise<OutstandingTaskRow[]> {
  const window = scopeWindow(q.directive.periodStart, q.directive.periodEnd);
  const query = db
    .getRepository(HpNetTask)
    .createQueryBuilder("t")
    .where("t.assignedAt >= :from AND t.assignedAt < :until", { from: sqlMoment(window.from), until: sqlMoment(window.until) })
    .andWhere("t.assignedAt <= :now", { now: sqlMoment(q.asOf) })
    .andWhere(
      "(((t.completionReportedAt IS NULL OR t.completionReportedAt > :now) AND (t.archivedAt IS NULL OR t.archivedAt > :now))" +
        " OR t.workFileCreatedAt IS NULL OR t.workFileCreatedAt > :now)",
    );
  const listed = await listedByUnit(db, query, q.unitId, (t) => t.assignedAt, (t) => t.externalId);
  return listed.map(({ row, unitCode }) => ({
    row,
    unitCode,
    reported: isTaskReportedAsOf(row, q.asOf),
    filed: isTaskFiledAsOf(row, q.asOf),
  }));
}

export interface CaseWithApology {
  row: Case;
  apology: Apology;
  unit: Unit;
}

/**
 * Every case in the directive's scope that has an apology, whenever issued: the letters exist
 * as documents whatever the moment. Ordered by case code in code points (the code column is
 * binary on both drivers: utf8mb4_bin on MariaDB, SQLite's BINARY) and read in keyset batches,
 * so a large scope never sits in memory whole; the zip consumes one batch before the next is read.
 */
export async function* casesWithApologyInScope(
  db: DataSource,
  directive: DirectivePeriod,
  unitId?: number,
  batchSize = 500,
): AsyncGenerator<CaseWithApology> {
  const window = scopeWindow(directive.periodStart, directive.periodEnd);
  const units = new Map((await db.getRepository(Unit).find()).map((u) => [u.id, u]));
  let afterCode: string | null = null;
  for (;;) {
    const query = db
      .getRepository(Case)
      .createQueryBuilder("c")
      .innerJoin(Apology, "a", "a.caseId = c.id")
      .where("c.dueAt >= :from AND c.dueAt < :until", { from: sqlMoment(window.from), until: sqlMoment(window.until) })
      .orderBy("c.code", "ASC")
      .limit(batchSize);
    if (afterCode !== null) query.andWhere("c.code > :afterCode", { afterCode });
    if (unitId !== undefined) query.andWhere("c.unitId = :unitId", { unitId });
    const cases = await query.getMany();
    if (cases.length === 0) return;
    const apologies = await db.getRepository(Apology).findBy({ caseId: In(cases.map((c) => c.id)) });
    const byCase = new Map(apologies.map((a) => [a.caseId, a]));
    for (const row of cases) {
      const apology = byCase.get(row.id);
      const unit = units.get(row.unitId);
      if (apology && unit) yield { row, apology, unit };
    }
    afterCode = cases[cases.length - 1].code;
  }
}

/**
 * Per unit, the apologies counted in Compliance.apologizedCases (late case in scope, apology
 * issued at or before the moment) that were issued after the case's due moment: counted, but
 * the report shows them, as Apology.issuedAfterDue flags each one.
 */
export async function apologiesAfterDueByUnit(db: DataSource, q: OutstandingQuery): Promise<Map<number, number>> {
  const window = scopeWindow(q.directive.periodStart, q.directive.periodEnd);
  const rows: { unitId: unknown; n: unknown }[] = await db
    .getRepository(Case)
    .createQueryBuilder("c")
    .innerJoin(Apology, "a", "a.caseId = c.id")
    .select("c.unitId", "unitId")
    .addSelect("COUNT(*)", "n")
    .where("c.dueAt >= :from AND c.dueAt < :until", { from: sqlMoment(window.from), until: sqlMoment(window.until) })
    .andWhere("c.dueAt < :now AND (c.resolvedAt IS NULL OR c.resolvedAt > c.dueAt)", { now: sqlMoment(q.asOf) })
    .andWhere("a.issuedAt <= :now AND a.issuedAt > c.dueAt")
    .groupBy("c.unitId")
    .getRawMany();
  return new Map(rows.map((row) => [Number(row.unitId), sqlNumber(row.n)]));
}
