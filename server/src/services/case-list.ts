import type { DataSource, SelectQueryBuilder } from "typeorm";
import type { ScopeWindow } from "../domain/compliance.js";
import { Case } from "../entities/case.entity.js";
import { sqlMoment } from "../db/sql-moment.js";
import { keysetPage, type KeysetPage } from "./keyset-page.js";
import type { CursorPosition } from "../core/cursor.js";

export interface CaseListFilter {
  unitId?: number;
  window?: ScopeWindow;
  /** LATE or OVERDUE at `now` (true) or neither (false). */
  overdue?: boolean;
  apologized?: boolean;
  now: Date;
}

export function listCases(
  db: DataSource,
  filter: CaseListFilter,
  first: number,
  after: CursorPosition | null,
): Promise<KeysetPage<Case>> {
  return keysetPage(
    () => applyCaseFilter(db.getRepository(Case).createQueryBuilder("c"), filter),
    { moment: "c.dueAt", key: "c.code" },
    first,
    after,
  );
}

function applyCaseFilter(query: SelectQueryBuilder<Case>, filter: CaseListFilter): SelectQueryBuilder<Case> {
  query.where("1 = 1");
  if (filter.unitId !== undefined) query.andWhere("c.unitId = :unitId", { unitId: filter.unitId });
  if (filter.window) {
    query.andWhere("c.dueAt >= :windowFrom AND c.dueAt < :windowUntil", {
      windowFrom: sqlMoment(filter.window.from),
      windowUntil: sqlMoment(filter.window.until),
    });
  }
  if (filter.overdue !== undefined) {
    // The SQL twin of timelinessAsOf(...) in {LATE, OVERDUE}; see services/compliance.sql.ts.
    const overdue = "(c.dueAt < :now AND (c.resolvedAt IS NULL OR c.resolvedAt > c.dueAt))";
    query.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { now: sqlMoment(filter.now) });
  }
  if (filter.apologized !== undefined) {
    query.andWhere(`${filter.apologized ? "" : "NOT "}EXISTS (SELECT 1 FROM apologies a WHERE a.caseId = c.id)`);
  }
  return query;
}
