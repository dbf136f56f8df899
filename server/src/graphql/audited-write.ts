import type { EntityManager } from "typeorm";
import { inWriteTransaction } from "../db/write-transaction.js";
import { appendAudit } from "../services/audit-trail.js";
import type { GraphQLContext } from "./context.js";

/** What a write did, for its audit entry. */
export interface AuditedWrite<T> {
  value: T;
  /** The key written (unit code, case code, ...); null when there is none. */
  subjectKey: string | null;
  /** {"field": [before, after]} of what changed. */
  details: object;
}

/**
 * A mutation's write and its audit entry in one transaction (inWriteTransaction: serialised per
 * record): a write that fails appends nothing, and an entry never outlives a rolled-back write.
 * `operation` is the mutation's field name.
 */
export function auditedWrite<T>(
  ctx: GraphQLContext,
  operation: string,
  work: (manager: EntityManager) => Promise<AuditedWrite<T>>,
): Promise<T> {
  return inWriteTransaction(ctx.db, async (manager) => {
    const done = await work(manager);
    await appendAudit(manager, { actor: ctx.principal, operation, subjectKey: done.subjectKey, details: done.details });
    return done.value;
  });
}
