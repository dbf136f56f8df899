/** A field's value in an audit entry's details: moments as ISO-8601, the rest as stored. */
export type AuditValue = string | number | boolean | null;

/** {"field": [before, after]} for the fields that changed (before is null on creation). */
export type FieldChanges = Record<string, [AuditValue, AuditValue]>;

function auditValue(value: unknown): AuditValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/**
 * The fields of `after` that differ from `before` (every field when `before` is null: a
 * creation; every field to null when `after` is null: a deletion). Only the listed fields are
 * compared, so a secret can never slip in by being a property of the record.
 */
export function fieldChanges<T extends object>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: readonly (keyof T & string)[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const was = before === null ? null : auditValue(before[field]);
    const is = after === null ? null : auditValue(after[field]);
    if (was !== is) changes[field] = [was, is];
  }
  return changes;
}

/**
 * The fields an upsert's audit entry compares: its key, then the fields it writes (the entity's
 * …_WRITTEN_FIELDS, the same list the imports write), the unit named by its code as the API names it.
 */
export function upsertAuditFields<K extends string, F extends string>(key: K, written: readonly F[]): (K | Exclude<F, "unitId"> | "unitCode")[] {
  return [key, ...written.map((field) => (field === "unitId" ? "unitCode" : (field as Exclude<F, "unitId">)))];
}

/** The leaves of two JSON documents that differ, by their dotted path ("agency.place"). */
export function documentChanges(before: unknown, after: unknown, path = ""): FieldChanges {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const changes: FieldChanges = {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      Object.assign(changes, documentChanges(before[key], after[key], path === "" ? key : `${path}.${key}`));
    }
    return changes;
  }
  const was = before === undefined ? null : auditValue(before);
  const is = after === undefined ? null : auditValue(after);
  return was === is ? {} : { [path]: [was, is] };
}
