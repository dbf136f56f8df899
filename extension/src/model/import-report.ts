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
    return (
      `Import of ${IMPORT_LABELS[kind]} from ${fileName} failed: ${plural(result.errors.length, "error")} on ` +
      `${plural(lines, "line")}. Nothing was written; fix the file and import it again.`
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
    "",
    "| Line | Column | Problem |",
    "| ---: | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
