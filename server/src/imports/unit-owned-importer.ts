import type { ObjectLiteral } from "typeorm";
import type { ImportError } from "./import-result.js";
import { unknownUnitMessage, type ImportSession, type UnitRef } from "./import-session.js";
import type { KindImporter } from "./kind-importer.js";
import { UpsertBatch, type UpsertTable } from "./upsert-batch.js";

/** A row that names its own unit (cases and HpNet tasks, unlike apologies, which follow their case). */
export interface UnitOwnedRow {
  line: number;
  unitCode: string;
}

/** What sets one unit-owned kind apart: its format, its table, and how a row becomes the stored values. */
export interface UnitOwnedKind<Row extends UnitOwnedRow, T extends ObjectLiteral & { unitId: number }>
  extends Omit<KindImporter<Row>, "planBatch"> {
  readonly table: UpsertTable<T>;
  values(row: Row, unit: UnitRef): Partial<T>;
  /**
   * Rules that hold between a row and other stored records (a case and its apology): given the
   * batch's rows that update a stored record, answers each such row's errors. One query per batch.
   */
  againstStored?(updates: readonly Row[], session: ImportSession): Promise<(row: Row) => ImportError[]>;
}

/** An importer whose rows are checked against the importer's units, then upserted on their key. */
export function unitOwnedImporter<Row extends UnitOwnedRow, T extends ObjectLiteral & { unitId: number }>(
  kind: UnitOwnedKind<Row, T>,
): KindImporter<Row> {
  return {
    kind: kind.kind,
    columns: kind.columns,
    keyColumn: kind.keyColumn,
    noun: kind.noun,
    readRow: kind.readRow,
    keyOf: kind.keyOf,
    async planBatch(rows, session) {
      const batch = await UpsertBatch.load(session, kind.table, rows.map(kind.keyOf));
      const updates = rows.filter((row) => batch.stored(kind.keyOf(row)) !== undefined);
      const storedProblems = kind.againstStored && updates.length > 0 ? await kind.againstStored(updates, session) : null;
      for (const row of rows) {
        const key = kind.keyOf(row);
        const { unit, errors } = checkUnitOwnership(session, kind, row, key, batch.stored(key)?.unitId);
        if (storedProblems && batch.stored(key) !== undefined) errors.push(...storedProblems(row));
        if (batch.rejected(errors) || !unit) continue;
        batch.accept(kind.values(row, unit));
      }
      return batch.plan();
    },
  };
}

/**
 * The row's unit exists and is one the importer may write, and a stored row it would overwrite
 * belongs to such a unit too, so that an OFFICER can neither add to another unit nor take over
 * another unit's record by naming their own unit in the file. The unit comes back only without errors.
 */
function checkUnitOwnership(
  session: ImportSession,
  kind: Pick<KindImporter<unknown>, "noun" | "keyColumn">,
  row: UnitOwnedRow,
  key: string,
  storedUnitId: number | undefined,
): { unit: UnitRef | undefined; errors: ImportError[] } {
  const plural = `${kind.noun}s`;
  const unit = session.unitByCode(row.unitCode);
  const errors: ImportError[] = [];
  if (!unit) {
    errors.push({ line: row.line, column: "unit_code", message: unknownUnitMessage(row.unitCode) });
  } else if (!session.mayWrite(unit.id)) {
    errors.push({
      line: row.line,
      column: "unit_code",
      message: `You may import only your own unit's ${plural} (unit ${session.ownUnitCode()}); this row is for unit ${unit.code}.`,
    });
  }
  if (storedUnitId !== undefined && !session.mayWrite(storedUnitId)) {
    errors.push({
      line: row.line,
      column: kind.keyColumn,
      message: `${capitalized(kind.noun)} "${key}" belongs to unit ${session.unitCodeOf(storedUnitId)}; you may import only your own unit's ${plural} (unit ${session.ownUnitCode()}).`,
    });
  }
  return { unit: errors.length === 0 ? unit : undefined, errors };
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
