import type { ImportKind, ImportResult } from "../api/api-types.js";
import { plural } from "./format.js";

export const IMPORT_LABELS: Record<ImportKind, string> = {
  cases: "cases",
  apologies: "apologies",
  tasks: "HpNet tasks",
};

/** One line for a notification: the counts, or how many lines failed (and that nothing was written). */
export function importSummary(kind: ImportKind, fileName: string, result: ImportResult): string {
  if (result.errors.length > 0) {
    const lines = new Set(result.errors.map((e) => e.line)).size;
    const where = isCut(result)
      ? `(the first ${result.errors.length.toLocaleString("en-US")} listed)`
      : `on ${plural(lines, "line")}`;
    return (
      `Import of ${IMPORT_LABELS[kind]} from ${fileName} failed: ${plural(errorTotal(result), "error")} ${where}. ` +
      "Nothing was written; fix the file and import it again."
    );
  }
  return (
    `Imported ${IMPORT_LABELS[kind]} from ${fileName}: ${result.created} created, ${result.updated} updated, ` +
    `${result.unchanged} unchanged.`
  );
}

/** Every failing line as a Markdown document a person can work through, in line order. */
export function importErrorReport(kind: ImportKind, fileName: string, result: ImportResult): string {
  const rows = [...result.errors]
    .sort((a, b) => a.line - b.line || (a.column ?? "").localeCompare(b.column ?? ""))
    .map((e) => `| ${e.line} | ${escapeCell(e.column ?? "")} | ${escapeCell(e.message)} |`);
  return [
    `# Import of ${IMPORT_LABELS[kind]} failed: nothing was written`,
    "",
    `File: \`${fileName}\`. Line numbers count the header as line 1.`,
    ...(isCut(result)
      ? ["", `The file has ${errorTotal(result).toLocaleString("en-US")} errors; the first ${result.errors.length.toLocaleString("en-US")} are listed.`]
      : []),
    "",
    "| Line | Column | Problem |",
    "| ---: | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

/** Every error of the file (a server before errorCount existed sent them all). */
function errorTotal(result: ImportResult): number {
  return result.errorCount ?? result.errors.length;
}

function isCut(result: ImportResult): boolean {
  return errorTotal(result) > result.errors.length;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
