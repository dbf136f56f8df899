import type { ImportOutcome } from "./import-result.js";

/** The report a person reads after an import (command line): counts, or every failing line. */
export function importReportText(outcome: ImportOutcome, fileName: string, dryRun = false): string {
  if (outcome.errors.length === 0) {
    const counts = `${outcome.created} created, ${outcome.updated} updated, ${outcome.unchanged} unchanged`;
    return dryRun
      ? `${fileName}: the file is sound; importing it would give ${counts} (nothing was written).\n`
      : `${fileName}: ${counts}.\n`;
  }
  const lines = outcome.errors.map(
    (e) => `  line ${e.line}${e.column === null ? "" : `, ${e.column}`}: ${e.message}`,
  );
  const count = outcome.errorCount;
  const listed = count > outcome.errors.length ? ` (the first ${outcome.errors.length.toLocaleString("en-US")} listed)` : "";
  return `${fileName}: nothing was imported; ${count.toLocaleString("en-US")} ${count === 1 ? "problem" : "problems"} to correct${listed}:\n${lines.join("\n")}\n`;
}
