import { Case } from "../entities/case.entity.js";
import { readCaseRow } from "./case-row.js";
import { CASE_COLUMNS } from "./import-columns.js";
import { unitOwnedImporter } from "./unit-owned-importer.js";

/** importCases: the one-stop system's dossiers, matched on their code. */
export const casesImporter = unitOwnedImporter({
  kind: "cases",
  columns: CASE_COLUMNS,
  keyColumn: "code",
  noun: "case",
  readRow: readCaseRow,
  keyOf: (row) => row.code,
  table: {
    entity: Case,
    key: "code",
    written: ["procedureName", "applicantName", "unitId", "receivedAt", "dueAt", "resolvedAt"],
  },
  values: (row, unit) => ({
    code: row.code,
    procedureName: row.procedureName,
    applicantName: row.applicantName,
    unitId: unit.id,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    resolvedAt: row.resolvedAt,
  }),
});
