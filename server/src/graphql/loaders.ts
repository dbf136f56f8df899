import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { WorkingCalendar } from "../domain/calendar.js";
import type { ComplianceCounts } from "../domain/compliance.js";
import { Apology } from "../entities/apology.entity.js";
import { Case } from "../entities/case.entity.js";
import { Directive } from "../entities/directive.entity.js";
import { Holiday } from "../entities/holiday.entity.js";
import { Unit } from "../entities/unit.entity.js";
import { complianceCountsByUnit } from "../services/compliance.sql.js";
import { latestDirective } from "../services/directives.js";

/**
 * Per-request batching and caching. Nothing here outlives the request, so replicas behind a
 * load balancer never disagree.
 */
export function createLoaders(db: DataSource) {
  // `x IN (:...values)` through a query builder, not findBy({ x: In(values) }): the same statement,
  // without find options' parameter object per value (about half the CPU of a page's apologies batch).
  const whereIn = <T extends object>(entity: new () => T, column: string, values: readonly number[]): Promise<T[]> =>
    db
      .getRepository(entity)
      .createQueryBuilder("e")
      .where(`e.${column} IN (:...values)`, { values: [...values] })
      .getMany();

  const byIds = <T extends { id: number }>(entity: new () => T) =>
    new DataLoader<number, T | null>(async (ids) => {
      const rows = await whereIn(entity, "id", ids);
      const map = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    });

  const directiveById = byIds(Directive);
  const complianceAsked = new Map<string, Promise<Map<number, ComplianceCounts>>>();
  let latest: Promise<Directive | null> | null = null;
  let calendar: Promise<WorkingCalendar> | null = null;

  return {
    unitById: byIds(Unit),
    caseById: byIds(Case),
    directiveById,
    apologyByCaseId: new DataLoader<number, Apology | null>(async (caseIds) => {
      const rows = await whereIn(Apology, "caseId", caseIds);
      const map = new Map(rows.map((row) => [row.caseId, row]));
      return caseIds.map((id) => map.get(id) ?? null);
    }),
    /**
     * Counts by unit for one (directive, moment), asked once per request: the board and every unit
     * row share the first ask's statements. They start at that first ask, not at a batch's turn
     * after the other resolvers of the tick (there is nothing to batch: each (directive, moment) is
     * its own two statements), so the board's unit list no longer goes to the database before them.
     * A failed ask is forgotten, so a later one in the request asks again.
     */
    complianceByUnit: (directive: Directive, asOf: Date): Promise<Map<number, ComplianceCounts>> => {
      const key = complianceKey(directive.id, asOf);
      let counts = complianceAsked.get(key);
      if (!counts) {
        counts = complianceCountsByUnit(db, directive, asOf);
        complianceAsked.set(key, counts);
        counts.catch(() => complianceAsked.delete(key));
      }
      return counts;
    },
    latestDirective: (): Promise<Directive | null> => {
      latest ??= latestDirective(db).then((directive) => {
        if (directive) directiveById.prime(directive.id, directive);
        return directive;
      });
      return latest;
    },
    calendar: (): Promise<WorkingCalendar> => {
      calendar ??= db
        .getRepository(Holiday)
        .find()
        .then((days) => new WorkingCalendar(days));
      return calendar;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

function complianceKey(directiveId: number, asOf: Date): string {
  return `${directiveId}|${asOf.getTime()}`;
}
