import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { sqlMoment } from "./sql-moment.js";

/**
 * The two statements an import sends per batch and table (imports/upsert-batch.ts decides what
 * goes into them), in plain SQL with positional parameters: TypeORM's query builder spends more time naming thousands of parameters than the
 * database spends running them (measured: about half of a 100k-row import).
 */
const CHUNK = 500;

/**
 * Rows whose key is among `keys`, with the named properties; moments come back as Dates on both
 * drivers. `lock` reads them with SELECT … FOR UPDATE on MariaDB/MySQL (SQLite's BEGIN IMMEDIATE
 * already holds the whole database): the rows, and the gaps where missing keys would go, stay
 * locked until the transaction ends, so a concurrent import of the same keys waits and then reads
 * what this one wrote instead of planning from the same stale snapshot.
 */
export async function selectByKeys<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  properties: readonly (keyof T & string)[],
  keyProperty: keyof T & string,
  keys: readonly (string | number)[],
  lock = false,
): Promise<T[]> {
  const { table, column, momentProperties } = describe(manager, target);
  const forUpdate = lock && manager.connection.options.type === "mysql" ? " FOR UPDATE" : "";
  const rows: T[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    const select = properties.map((p) => `${column(p)} AS ${quote(manager, p)}`).join(", ");
    const raw: Record<string, unknown>[] = await manager.query(
      `SELECT ${select} FROM ${table} WHERE ${column(keyProperty)} IN (${chunk.map(() => "?").join(", ")})${forUpdate}`,
      [...chunk],
    );
    for (const row of raw) {
      for (const p of momentProperties) if (p in row) row[p] = hydrateMoment(row[p]);
      if ("id" in row) row.id = Number(row.id);
      for (const p of ["unitId", "caseId"]) if (p in row && row[p] !== null) row[p] = Number(row[p]);
      rows.push(row as T);
    }
  }
  return rows;
}

/**
 * New and changed rows as multi-row INSERT … ON CONFLICT DO UPDATE (SQLite) or ON DUPLICATE KEY
 * UPDATE (MariaDB/MySQL): one statement per 500 rows, never one round trip per row.
 */
export async function upsertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Partial<T>[],
  properties: readonly (keyof T & string)[],
  keyProperty: keyof T & string,
): Promise<void> {
  if (rows.length === 0) return;
  const { table, column } = describe(manager, target);
  const all = [keyProperty, ...properties.filter((p) => p !== keyProperty)];
  const mysql = manager.connection.options.type === "mysql";
  const overwrite = properties
    .filter((p) => p !== keyProperty)
    .map((p) => (mysql ? `${column(p)} = VALUES(${column(p)})` : `${column(p)} = excluded.${column(p)}`))
    .join(", ");
  const conflict = mysql ? `ON DUPLICATE KEY UPDATE ${overwrite}` : `ON CONFLICT (${column(keyProperty)}) DO UPDATE SET ${overwrite}`;
  const tuple = `(${all.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const parameters = chunk.flatMap((row) => all.map((p) => sqlValue(row[p])));
    await manager.query(
      `INSERT INTO ${table} (${all.map(column).join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")} ${conflict}`,
      parameters,
    );
  }
}

/** Equal as stored: text exactly, moments to the millisecond, null only to null. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return a === b;
}

function sqlValue(value: unknown): unknown {
  if (value === undefined) return null;
  return value instanceof Date ? sqlMoment(value) : value;
}

/** SQLite hands datetime(3) back as "YYYY-MM-DD HH:mm:ss.SSS" in UTC, mysql2 (timezone Z) as a Date. */
function hydrateMoment(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(" ", "T")}Z`);
}

function quote(manager: EntityManager, name: string): string {
  return manager.connection.driver.escape(name);
}

function describe<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>) {
  const metadata = manager.connection.getMetadata(target);
  const columns = new Map(metadata.columns.map((c) => [c.propertyName, c]));
  return {
    table: quote(manager, metadata.tableName),
    column: (property: string) => {
      const found = columns.get(property);
      if (!found) throw new Error(`${metadata.name} has no column for property "${property}"`);
      return quote(manager, found.databaseName);
    },
    momentProperties: metadata.columns.filter((c) => c.type === "datetime").map((c) => c.propertyName),
  };
}
