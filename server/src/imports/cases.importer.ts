import { caseAgainstApologyProblems } from "../domain/case-rules.js";
import { Case, CASE_WRITTEN_FIELDS } from "../entities/case.entity.js";
import { readCaseRow, type CaseRow } from "./case-row.js";
import { CASE_COLUMNS } from "./import-columns.js";
import type { ImportError } from "./import-result.js";
import type { ImportSession } from "./import-session.js";
import { importErrorsOf } from "./rule-problem-errors.js";
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
    written: CASE_WRITTEN_FIELDS,
  },
  againstStored: apologyContradictions,
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

/**
 * A stored case that has an apology may not be rewritten into one the apology contradicts (see
 * caseAgainstApologyProblems): one statement per batch, for the cases the batch updates (locked
 * with them on MariaDB, as an import's key lookups are).
 */
async function apologyContradictions(updates: readonly CaseRow[], session: ImportSession): Promise<(row: CaseRow) => ImportError[]> {
  const { manager } = session;
  const q = (name: string) => manager.connection.driver.escape(name);
  const forUpdate = session.lockKeys && manager.connection.options.type === "mysql" ? " FOR UPDATE" : "";
  const raw: { code: string; number: string; newDueAt: unknown }[] = await manager.query(
    `SELECT c.${q("code")} AS ${q("code")}, a.${q("number")} AS ${q("number")}, a.${q("newDueAt")} AS ${q("newDueAt")} ` +
      `FROM ${q("apologies")} a JOIN ${q("cases")} c ON c.${q("id")} = a.${q("caseId")} ` +
      `WHERE c.${q("code")} IN (${updates.map(() => "?").join(", ")})${forUpdate}`,
    updates.map((row) => row.code),
  );
  const apologyOfCode = new Map(raw.map((a) => [a.code, { number: a.number, newDueAt: storedMoment(a.newDueAt) }]));
  return (row) => {
    const apology = apologyOfCode.get(row.code);
    if (!apology) return [];
    return importErrorsOf(caseAgainstApologyProblems(row.code, row, apology), row.line, row.header, CASE_COLUMNS);
  };
}

/** SQLite hands datetime(3) back as "YYYY-MM-DD HH:mm:ss.SSS" in UTC, mysql2 (timezone Z) as a Date. */
function storedMoment(value: unknown): Date {
  return value instanceof Date ? value : new Date(`${String(value).replace(" ", "T")}Z`);
}
