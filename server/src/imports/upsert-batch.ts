import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { sameValue, selectByKeys, upsertRows } from "../db/rows-by-key.sql.js";
import type { ImportCounts, ImportError } from "./import-result.js";
import type { ImportSession } from "./import-session.js";
import type { BatchPlan } from "./kind-importer.js";

/** The table an importer fills: the key rows are matched on and the columns a re-import may change. */
export interface UpsertTable<T extends ObjectLiteral> {
  entity: EntityTarget<T>;
  key: keyof T & string;
  written: readonly (keyof T & string)[];
}

/**
 * One batch of rows headed for one table. Every importer tallies the same way: a row with an error
 * is never written, and a stored row is rewritten only when a written column differs, so that
 * importing the same file twice reports every row unchanged the second time.
 */
export class UpsertBatch<T extends ObjectLiteral> {
  private readonly errors: ImportError[] = [];
  private readonly counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  private readonly writes: Partial<T>[] = [];

  private constructor(
    private readonly manager: EntityManager,
    private readonly table: UpsertTable<T>,
    private readonly storedByKey: ReadonlyMap<unknown, T>,
  ) {}

  /** Reads the stored rows for `keys` in one pass (locked, when the session writes), before any row is judged. */
  static async load<T extends ObjectLiteral>(
    session: ImportSession,
    table: UpsertTable<T>,
    keys: readonly (string | number)[],
  ): Promise<UpsertBatch<T>> {
    const { manager } = session;
    const stored = await selectByKeys(manager, table.entity, [table.key, ...table.written], table.key, keys, session.lockKeys);
    return new UpsertBatch(manager, table, new Map(stored.map((row) => [row[table.key], row])));
  }

  stored(key: unknown): T | undefined {
    return this.storedByKey.get(key);
  }

  /** Keeps a row's errors; true when it has any, so the caller leaves the row out. */
  rejected(rowErrors: readonly ImportError[]): boolean {
    this.errors.push(...rowErrors);
    return rowErrors.length > 0;
  }

  /** A sound row: created, updated or unchanged against the stored row with the same key. */
  accept(values: Partial<T>): void {
    const existing = this.stored(values[this.table.key]);
    if (!existing) {
      this.counts.created += 1;
      this.writes.push(values);
    } else if (this.table.written.some((column) => !sameValue(existing[column], values[column]))) {
      this.counts.updated += 1;
      this.writes.push(values);
    } else {
      this.counts.unchanged += 1;
    }
  }

  plan(): BatchPlan {
    const { manager, table, writes } = this;
    return {
      errors: this.errors,
      counts: this.counts,
      write: () => upsertRows(manager, table.entity, writes, [table.key, ...table.written], table.key),
    };
  }
}
