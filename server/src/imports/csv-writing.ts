import { quoteFormula } from "../domain/csv-formula.js";

/**
 * CSV as RFC 4180 writes it, for files that must read back through the importer unchanged:
 * comma-delimited, CRLF line ends, a value quoted when it holds a delimiter (either one),
 * a quote or a line break, and a text that a spreadsheet would run as a formula with a quote
 * before it (domain/csv-formula.ts). The BOM lets Excel open Vietnamese text as UTF-8.
 */
export const CSV_BOM = "\uFEFF";

export function csvLine(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

function csvField(cell: string | null): string {
  if (cell === null) return "";
  const value = quoteFormula(cell);
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
