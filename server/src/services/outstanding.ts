import { In, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { scopeWindow } from "../domain/compliance.js";
import { isTaskFiledAsOf, isTaskReportedAsOf } from "../domain/scope.js";
import { Apology } from "../entities/apology.entity.js";
import { Case } from "../entities/case.entity.js";
import { HpNetTask } from "../entities/hpnet-task.entity.js";
import { Unit } from "../entities/unit.entity.js";
import { sqlMoment, sqlNumber } from "../db/sql-moment.js";
import { unitsByCode } from "./units.js";
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
  /** One unit only, by its code (the reports' lists are keyed by code). */
  unitCode?: string;
}

/** Whether a unit is in the query's scope (unitId and unitCode, when given, both name it). */
function inScope(q: OutstandingQuery, unit: Unit): boolean {
  return (q.unitId === undefined || unit.id === q.unitId) && (q.unitCode === undefined || unit.code === q.unitCode);
}

/** Rows read per statement: enough that SQL round trips do not dominate, few enough to keep memory flat (at 1,000,000 cases the XLSX report peaked at 359 MiB with 2,000, 250 MiB with 500). */
export const OUTSTANDING_BATCH = 500;

/**
 * Reads one list's rows in the order both lists use (unit code in code points, then the row's
 * moment, then its own code in code points) as a stream: unit by unit (units are few and ordered
 * here, whatever the database's collation), and within a unit in keyset batches on (moment, code),
 * which the (unitId, moment) indexes serve and both databases order alike (codes are binary
 * columns, moments DATETIME(3) or SQLite's sortable text). No connection is held between batches:
 * a reader that stops (a client gone) leaves nothing open.
 */
async function* listedByUnit<T extends { id: number; unitId: number }>(
  db: DataSource,
  /** The list's query; `from`, when given, replaces the window's start (a batch starts at the last row's moment). */
  query: (from?: Date) => SelectQueryBuilder<T>,
  scope: OutstandingQuery,
  columns: { moment: keyof T & string; code: keyof T & string },
  batchSize: number,
  /**
   * Find each batch's ids in a covering index first, then read those rows: worth it when few of the
   * unit's rows are listed (late cases without an apology: a sixth of a large year's cases, whose
   * rows are then not all read); when a third or more are (tasks owed), one statement reads less.
   */
  idsFirst: boolean,
): AsyncGenerator<{ row: T; unitCode: string }> {
  const units = (await unitsByCode(db)).filter((u) => inScope(scope, u));
  for (const unit of units) {
    let after: T | null = null;
    for (;;) {
      // The next batch's range starts at the last row's moment (moment >= it, in place of the window's
      // start), so the (unitId, moment) index is entered there: each batch reads its own rows, not the
      // unit's year from its beginning again (that made a million-row list quadratic).
      const q = query(after === null ? undefined : (after[columns.moment] as Date));
      const a = q.alias;
      q.andWhere(`${a}.unitId = :unitId`, { unitId: unit.id })
        .orderBy(`${a}.${columns.moment}`, "ASC")
        .addOrderBy(`${a}.${columns.code}`, "ASC")
        .limit(batchSize);
      if (after !== null) {
        q.andWhere(`(${a}.${columns.moment} > :afterMoment OR ${a}.${columns.code} > :afterCode)`, {
          afterMoment: sqlMoment(after[columns.moment] as Date),
          afterCode: after[columns.code],
        });
      }
      if (!idsFirst) {
        const rows = await q.getMany();
        for (const row of rows) yield { row, unitCode: unit.code };
        if (rows.length < batchSize) break;
        after = rows[rows.length - 1];
        continue;
      }
      // The batch's ids and keys from the covering index alone, then its rows by id, in the batch's order.
      const keys = await q.select([`${a}.id`, `${a}.${columns.moment}`, `${a}.${columns.code}`]).getMany();
      if (keys.length === 0) break;
      const full = await db.getRepository<T>(q.expressionMap.mainAlias!.target).findBy({ id: In(keys.map((k) => k.id)) } as never);
      const byId = new Map(full.map((row) => [row.id, row]));
      for (const key of keys) {
        const row = byId.get(key.id);
        if (row) yield { row, unitCode: unit.code };
      }
      if (keys.length < batchSize) break;
      after = keys[keys.length - 1];
    }
  }
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

function lateCasesQuery(db: DataSource, q: OutstandingQuery, from?: Date): SelectQueryBuilder<Case> {
  const window = scopeWindow(q.directive.periodStart, q.directive.periodEnd);
  return db
    .getRepository(Case)
    .createQueryBuilder("c")
    .where("c.dueAt >= :from AND c.dueAt < :until", { from: sqlMoment(from ?? window.from), until: sqlMoment(window.until) })
    .andWhere("c.dueAt < :now AND (c.resolvedAt IS NULL OR c.resolvedAt > c.dueAt)", { now: sqlMoment(q.asOf) })
    // No apology issued by the moment (a case has at most one): answered from (caseId, issuedAt) alone.
    .andWhere("NOT EXISTS (SELECT 1 FROM apologies a WHERE a.caseId = c.id AND a.issuedAt <= :now)");
}

/**
 * Late cases in scope (LATE or OVERDUE as of the moment) whose apology was not issued at or
 * before the moment, ordered by unit code, due moment, case code, read in batches.
 */
export function outstandingCaseRows(
  db: DataSource,
  q: OutstandingQuery,
  batchSize = OUTSTANDING_BATCH,
): AsyncGenerator<{ row: Case; unitCode: string }> {
  return listedByUnit(db, (from?: Date) => lateCasesQuery(db, q, from), q, { moment: "dueAt", code: "code" }, batchSize, true);
}

export async function outstandingCases(db: DataSource, q: OutstandingQuery): Promise<{ row: Case; unitCode: string }[]> {
  return collect(outstandingCaseRows(db, q));
}

export interface OutstandingTaskRow {
  row: HpNetTask;
  unitCode: string;
  reported: boolean;
  filed: boolean;
}

function owedTasksQuery(db: DataSource, q: OutstandingQuery, from?: Date): SelectQueryBuilder<HpNetTask> {
  const window = scopeWindow(q.directive.periodStart, q.directive.periodEnd);
  return db
    .getRepository(HpNetTask)
    .createQueryBuilder("t")
    .where("t.assignedAt >= :from AND t.assignedAt < :until", { from: sqlMoment(from ?? window.from), until: sqlMoment(window.until) })
    .andWhere("t.assignedAt <= :now", { now: sqlMoment(q.asOf) })
    .andWhere(
      "(((t.completionReportedAt IS NULL OR t.completionReportedAt > :now) AND (t.archivedAt IS NULL OR t.archivedAt > :now))" +
        " OR t.workFileCreatedAt IS NULL OR t.workFileCreatedAt > :now)",
    );
}

/**
 * Tasks in scope (assigned inside the period, at or before the moment) not reported nor
 * archived, or without a work file, as of the moment; ordered by unit code, assignedAt,
 * externalId, read in batches.
 */
export async function* outstandingTaskRows(
  db: DataSource,
  q: OutstandingQuery,
  batchSize = OUTSTANDING_BATCH,
): AsyncGenerator<OutstandingTaskRow> {
  const rows = listedByUnit(db, (from?: Date) => owedTasksQuery(db, q, from), q, { moment: "assignedAt", code: "externalId" }, batchSize, false);
  for await (const { row, unitCode } of rows) {
    yield { row, unitCode, reported: isTaskReportedAsOf(row, q.asOf), filed: isTaskFiledAsOf(row, q.asOf) };
  }
}

export async function outstandingTasks(db: DataSource, q: OutstandingQuery): Promise<OutstandingTaskRow[]> {
  return collect(outstandingTaskRows(db, q));
}

/** How long each unit's lists are, by unit code (units that owe nothing are absent): one grouped COUNT per list. */
export async function outstandingCountsByUnit(db: DataSource, q: OutstandingQuery): Promise<Map<string, { cases: number; tasks: number }>> {
  const grouped = async <T extends ObjectLiteral>(query: SelectQueryBuilder<T>) => {
    const a = query.alias;
    const rows: { unitId: unknown; n: unknown }[] = await query.select(`${a}.unitId`, "unitId").addSelect("COUNT(*)", "n").groupBy(`${a}.unitId`).getRawMany();
    return new Map(rows.map((r) => [Number(r.unitId), sqlNumber(r.n)]));
  };
  const [units, cases, tasks] = await Promise.all([unitsByCode(db), grouped(lateCasesQuery(db, q)), grouped(owedTasksQuery(db, q))]);
  const counts = new Map<string, { cases: number; tasks: number }>();
  for (const unit of units) {
    const owed = { cases: cases.get(unit.id) ?? 0, tasks: tasks.get(unit.id) ?? 0 };
    if (inScope(q, unit) && owed.cases + owed.tasks > 0) counts.set(unit.code, owed);
  }
  return counts;
}

/**
 * How long each list is (for a heading written before its rows): the per-unit counts summed, so the
 * totals are scoped by the lists' own rule (inScope), whatever names the unit.
 */
export async function outstandingCounts(db: DataSource, q: OutstandingQuery): Promise<{ cases: number; tasks: number }> {
  const total = { cases: 0, tasks: 0 };
  for (const owed of (await outstandingCountsByUnit(db, q)).values()) {
    total.cases += owed.cases;
    total.tasks += owed.tasks;
  }
  return total;
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
 * Batches of 100: a batch lives while its letters are built, long enough to reach the old generation;
 * with 500 the server peaked at 308 MiB for 100,000 cases, with 100 at 192 MiB (and no slower).
 */
export async function* casesWithApologyInScope(
  db: DataSource,
  directive: DirectivePeriod,
  unitId?: number,
  batchSize = 100,
): AsyncGenerator<CaseWithApology> {
  const window = scopeWindow(directive.periodStart, directive.periodEnd);
  const units = new Map((await db.getRepository(Unit).find()).map((u) => [u.id, u]));
  let afterCode: string | null = null;
  for (;;) {
    const query = db
      .getRepository(Case)
      .createQueryBuilder("c")
      .innerJoin(Apology, "a", "a.caseId = c.id")
      // Unary plus: the window is not an index range here, so SQLite walks the code index in the batches' order
      // and stops after a batch (from the dueAt index it read and sorted the whole year per batch: 0.4 s a batch
      // at 1,000,000 cases, 12 minutes for the zip); MariaDB's parser drops the plus.
      .where("+c.dueAt >= :from AND +c.dueAt < :until", { from: sqlMoment(window.from), until: sqlMoment(window.until) })
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

/** How many letters casesWithApologyInScope gives: one COUNT. */
export async function countCasesWithApologyInScope(db: DataSource, directive: DirectivePeriod, unitId?: number): Promise<number> {
  const window = scopeWindow(directive.periodStart, directive.periodEnd);
  const query = db
    .getRepository(Case)
    .createQueryBuilder("c")
    .innerJoin(Apology, "a", "a.caseId = c.id")
    .where("c.dueAt >= :from AND c.dueAt < :until", { from: sqlMoment(window.from), until: sqlMoment(window.until) });
  if (unitId !== undefined) query.andWhere("c.unitId = :unitId", { unitId });
  return query.getCount();
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
