import type { DataSource, SelectQueryBuilder } from "typeorm";
import type { ScopeWindow } from "../domain/compliance.js";
import { HpNetTask } from "../entities/hpnet-task.entity.js";
import { sqlMoment } from "../db/sql-moment.js";
import { keysetPage, type KeysetPage } from "./keyset-page.js";
import type { CursorPosition } from "../core/cursor.js";

export interface TaskListFilter {
  unitId?: number;
  window?: ScopeWindow;
  /** Completion reported or archived at or before `now` (true), or neither (false). */
  reported?: boolean;
  /** Work file created at or before `now` (true), or not (false). */
  filed?: boolean;
  now: Date;
}

export function listTasks(
  db: DataSource,
  filter: TaskListFilter,
  first: number,
  after: CursorPosition | null,
): Promise<KeysetPage<HpNetTask>> {
  return keysetPage(
    () => applyTaskFilter(db.getRepository(HpNetTask).createQueryBuilder("t"), filter),
    { moment: "t.assignedAt", key: "t.externalId" },
    first,
    after,
  );
}

function applyTaskFilter(query: SelectQueryBuilder<HpNetTask>, filter: TaskListFilter): SelectQueryBuilder<HpNetTask> {
  query.where("1 = 1");
  const now = sqlMoment(filter.now);
  if (filter.unitId !== undefined) query.andWhere("t.unitId = :unitId", { unitId: filter.unitId });
  if (filter.window) {
    query.andWhere("t.assignedAt >= :windowFrom AND t.assignedAt < :windowUntil", {
      windowFrom: sqlMoment(filter.window.from),
      windowUntil: sqlMoment(filter.window.until),
    });
  }
  if (filter.reported !== undefined) {
    const reported = "(t.completionReportedAt <= :now OR t.archivedAt <= :now)";
    const unreported =
      "((t.completionReportedAt IS NULL OR t.completionReportedAt > :now) AND (t.archivedAt IS NULL OR t.archivedAt > :now))";
    query.andWhere(filter.reported ? reported : unreported, { now });
  }
  if (filter.filed !== undefined) {
    query.andWhere(filter.filed ? "t.workFileCreatedAt <= :now" : "(t.workFileCreatedAt IS NULL OR t.workFileCreatedAt > :now)", { now });
  }
  return query;
}
