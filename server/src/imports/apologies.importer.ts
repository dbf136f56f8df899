import { apologyProblems } from "../domain/apology-rules.js";
import { Apology, APOLOGY_WRITTEN_FIELDS } from "../entities/apology.entity.js";
import { Case } from "../entities/case.entity.js";
import { readApologyRow, type ApologyRow } from "./apology-row.js";
import { selectByKeys } from "../db/rows-by-key.sql.js";
import { APOLOGY_COLUMNS } from "./import-columns.js";
import type { ImportError } from "./import-result.js";
import type { ImportSession } from "./import-session.js";
import type { BatchPlan, KindImporter } from "./kind-importer.js";
import { importErrorsOf } from "./rule-problem-errors.js";
import { UpsertBatch, type UpsertTable } from "./upsert-batch.js";

const APOLOGIES: UpsertTable<Apology> = {
  entity: Apology,
  key: "caseId",
  written: APOLOGY_WRITTEN_FIELDS,
};

/**
 * importApologies: one apology per case, matched on the case's code. issueApology's rules hold
 * for every row (no apology for a case resolved early or on time; a new return date after the
 * missed one); a case that already has one is updated, which is how a re-import stays idempotent.
 */
export const apologiesImporter: KindImporter<ApologyRow> = {
  kind: "apologies",
  columns: APOLOGY_COLUMNS,
  keyColumn: "case_code",
  noun: "apology",
  readRow: readApologyRow,
  keyOf: (row) => row.caseCode,

  async planBatch(rows: readonly ApologyRow[], session: ImportSession): Promise<BatchPlan> {
    const codes = rows.map((r) => r.caseCode);
    // The cases are locked too: a case import running meanwhile may change what a row is checked against.
    const cases = await selectByKeys(
      session.manager,
      Case,
      ["id", "code", "unitId", "dueAt", "resolvedAt"],
      "code",
      codes,
      session.lockKeys,
    );
    const caseByCode = new Map(cases.map((c) => [c.code, c]));
    const batch = await UpsertBatch.load(session, APOLOGIES, cases.map((c) => c.id));
    for (const row of rows) {
      const owner = caseByCode.get(row.caseCode);
      if (!owner) {
        batch.rejected([
          {
            line: row.line,
            column: "case_code",
            message: `Case "${row.caseCode}" does not exist; import the cases file first or correct the code.`,
          },
        ]);
        continue;
      }
      const rowErrors: ImportError[] = [];
      if (!session.mayWrite(owner.unitId)) {
        rowErrors.push({
          line: row.line,
          column: "case_code",
          message: `Case "${row.caseCode}" belongs to unit ${session.unitCodeOf(owner.unitId)}; you may import apologies only for your own unit's cases (unit ${session.ownUnitCode()}).`,
        });
      }
      rowErrors.push(...importErrorsOf(apologyProblems(owner, row.newDueAt), row.line, row.header, APOLOGY_COLUMNS));
      if (batch.rejected(rowErrors)) continue;
      batch.accept({
        caseId: owner.id,
        number: row.number,
        issuedAt: row.issuedAt,
        reason: row.reason,
        newDueAt: row.newDueAt,
        signer: row.signer,
        publishedAt: row.publishedAt,
      });
    }
    return batch.plan();
  },
};
