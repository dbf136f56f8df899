import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity.js";

/**
 * Writes new and changed rows as multi-row INSERT … ON CONFLICT DO UPDATE (SQLite) or
 * ON DUPLICATE KEY UPDATE (MariaDB): one statement per chunk, never one round trip per row.
 * The chunk keeps the bound parameters well under SQLite's and MariaDB's limits.
 */
export async function upsertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  overwrite: readonly string[],
  conflictKey: string,
  chunkSize = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + chunkSize) as QueryDeepPartialEntity<T>[])
      .orUpdate([...overwrite], [conflictKey])
      .updateEntity(false)
      .execute();
  }
}

/** Equal as stored: text exactly, moments to the millisecond, null only to null. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return a === b;
}
