import type { DataSource, EntityManager } from "typeorm";
import { sqlMoment, sqlNumber } from "../db/sql-moment.js";
import { AuditEntry } from "../entities/audit-entry.entity.js";

/** The audit trail's name for the command-line importer, which acts without a token. */
export const COMMAND_LINE = "command line";

/** The audit trail's name for the CCHC_ADMIN_TOKEN of the environment. */
export const ENVIRONMENT_ADMIN = "environment admin token";

/** Who writes, as the API's principal has it (the token's id and name, its role and an OFFICER's unit). */
export interface AuditActorData {
  role: string;
  unitId: number | null;
  tokenId: number | null;
  name?: string;
}

export interface AuditRecord {
  actor: AuditActorData;
  operation: string;
  subjectKey: string | null;
  /** A JSON object: field changes, or an import's counts. Never a token or its hash. */
  details: object;
}

/**
 * Appends one entry, with the manager of the write's own transaction: the entry and the write
 * commit or roll back together.
 */
export async function appendAudit(manager: EntityManager, record: AuditRecord): Promise<void> {
  const { actor } = record;
  await manager.insert(AuditEntry, {
    at: new Date(),
    actorTokenId: actor.tokenId,
    actorName: actor.name ?? (actor.tokenId === null ? ENVIRONMENT_ADMIN : `token ${actor.tokenId}`),
    actorRole: actor.role as AuditEntry["actorRole"],
    actorUnitId: actor.unitId,
    operation: record.operation,
    subjectKey: record.subjectKey,
    details: JSON.stringify(record.details),
  });
}

export interface AuditLogFilter {
  operation?: string;
  subjectKey?: string;
  actorTokenId?: number;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  until?: Date;
}

/** A position in the newest-first order: the entry's moment and id. */
export interface AuditPosition {
  at: Date;
  id: number;
}

/**
 * One page of the trail, newest first (at descending, then id descending), after a position,
 * and the total under the filter: two statements, keyset paging on the (at, id) index.
 */
export async function auditLogPage(
  db: DataSource,
  filter: AuditLogFilter,
  first: number,
  after: AuditPosition | null,
): Promise<{ rows: AuditEntry[]; hasNextPage: boolean; totalCount: number }> {
  const filtered = () => {
    const query = db.getRepository(AuditEntry).createQueryBuilder("e").where("1 = 1");
    if (filter.operation !== undefined) query.andWhere("e.operation = :operation", { operation: filter.operation });
    if (filter.subjectKey !== undefined) query.andWhere("e.subjectKey = :subjectKey", { subjectKey: filter.subjectKey });
    if (filter.actorTokenId !== undefined) query.andWhere("e.actorTokenId = :actorTokenId", { actorTokenId: filter.actorTokenId });
    if (filter.from !== undefined) query.andWhere("e.at >= :from", { from: sqlMoment(filter.from) });
    if (filter.until !== undefined) query.andWhere("e.at < :until", { until: sqlMoment(filter.until) });
    return query;
  };
  const page = filtered().orderBy("e.at", "DESC").addOrderBy("e.id", "DESC").limit(first + 1);
  if (after) {
    page.andWhere("(e.at < :afterAt OR (e.at = :afterAt AND e.id < :afterId))", { afterAt: sqlMoment(after.at), afterId: after.id });
  }
  const [rows, total] = await Promise.all([page.getMany(), filtered().select("COUNT(*)", "total").getRawOne<{ total: unknown }>()]);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount: sqlNumber(total?.total) };
}
