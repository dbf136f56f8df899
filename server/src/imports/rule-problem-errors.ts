import type { ProblemWording, RuleProblem } from "../domain/rule-problem.js";
import type { HeaderMap } from "./header-matching.js";
import type { ImportColumn } from "./import-columns.js";
import type { ImportError } from "./import-result.js";
import { vietnameseMoment } from "./moment-format.js";

/** The format's column of a domain field: dueAt is due_at, workFileCreatedAt work_file_created_at. */
export const columnOfField = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The domain's problems as a row's import errors: each on the field's column, naming columns as
 * the file's own header wrote them (or by their Vietnamese name when the file lacks the column),
 * moments as a clerk reads them. A problem on a column whose cell already failed is left out:
 * that cell's own error says what is wrong.
 */
export function importErrorsOf(
  problems: readonly RuleProblem[],
  line: number,
  header: HeaderMap,
  columns: readonly ImportColumn[],
  earlier: readonly ImportError[] = [],
): ImportError[] {
  const label = (field: string) => {
    const name = columnOfField(field);
    return header.labels.get(name) ?? columns.find((c) => c.name === name)?.vietnamese ?? name;
  };
  const wording: ProblemWording<string> = { field: (name) => `"${label(name)}"`, moment: vietnameseMoment };
  return problems
    .filter((p) => !earlier.some((e) => e.line === line && e.column === columnOfField(p.field)))
    .map((p) => ({ line, column: columnOfField(p.field), message: p.explain(wording as ProblemWording<typeof p.field>) }));
}
