import { Case } from "../entities/case.entity.js";
import { sameValue, selectByKeys, upsertRows } from "./batched-upsert.js";
import { readCaseRow, type CaseRow } from "./case-row.js";
import { CASE_COLUMNS } from "./import-columns.js";
import type { ImportError } from "./import-result.js";
import { unknownUnitMessage, type ImportSession } from "./import-session.js";
import type { BatchPlan, KindImporter } from "./kind-importer.js";

const WRITTEN = ["procedureName", "applicantName", "unitId", "receivedAt", "dueAt", "resolvedAt"] as const;

/** importCases: the one-stop system's dossiers, matched on their code. */
export const casesImporter: KindImporter<CaseRow> = {
  kind: "cases",
  columns: CASE_COLUMNS,
  keyColumn: "code",
  noun: "case",
  readRow: readCaseRow,
  keyOf: (row) => row.code,

  async planBatch(rows: readonly CaseRow[], session: ImportSession): Promise<BatchPlan> {
    const stored = await selectByKeys(session.manager, Case, ["code", ...WRITTEN], "code", rows.map((r) => r.code));
    const byCode = new Map(stored.map((c) => [c.code, c]));
    const errors: ImportError[] = [];
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const writes: Partial<Case>[] = [];
    for (const row of rows) {
      const unit = session.unitByCode(row.unitCode);
      const existing = byCode.get(row.code);
      const rowErrors: ImportError[] = [];
      if (!unit) {
        rowErrors.push({
          line: row.line,
          column: "unit_code",
          message: unknownUnitMessage(row.unitCode),
        });
      } else if (!session.mayWrite(unit.id)) {
        rowErrors.push({
          line: row.line,
          column: "unit_code",
          message: `You may import only your own unit's cases (unit ${session.ownUnitCode()}); this row is for unit ${unit.code}.`,
        });
      }
      if (existing && !session.mayWrite(existing.unitId)) {
        rowErrors.push({
          line: row.line,
          column: "code",
          message: `Case "${row.code}" belongs to unit ${session.unitCodeOf(existing.unitId)}; you may import only your own unit's cases (unit ${session.ownUnitCode()}).`,
        });
      }
      if (rowErrors.length > 0 || !unit) {
        errors.push(...rowErrors);
        continue;
      }
      const values: Partial<Case> = {
        code: row.code,
        procedureName: row.procedureName,
        applicantName: row.applicantName,
        unitId: unit.id,
        receivedAt: row.receivedAt,
        dueAt: row.dueAt,
        resolvedAt: row.resolvedAt,
      };
      if (!existing) {
        counts.created += 1;
        writes.push(values);
      } else if (WRITTEN.some((field) => !sameValue(existing[field], values[field]))) {
        counts.updated += 1;
        writes.push(values);
      } else {
        counts.unchanged += 1;
      }
    }
    return {
      errors,
      counts,
      write: () => upsertRows(session.manager, Case, writes, ["code", ...WRITTEN], "code"),
    };
  },
};
