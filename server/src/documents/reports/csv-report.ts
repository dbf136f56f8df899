import type { ComplianceFigures } from "../../domain/compliance.js";
import { quoteFormula } from "../../domain/csv-formula.js";
import {
  figureCells,
  STATUS_TEXT,
  SUMMARY_HEADERS,
  TOTAL_LABEL,
  UNIT_KIND_TEXT,
  type ComplianceFiguresSummary,
} from "./report.model.js";

/**
 * The summary as CSV for other systems: UTF-8 with a byte-order mark (without it Excel reads the
 * Vietnamese as Windows-1252), CRLF lines (RFC 4180), rates as the API gives them (0..1), and the
 * status as its contract code so a machine can match it. The last row is the board total, code empty.
 */
const BOM = "\uFEFF";

/** Text cells (codes, names, labels) never start a formula; numbers are written as numbers. */
function field(value: string | number): string {
  const text = typeof value === "string" ? quoteFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(values: (string | number)[]): string {
  return `${values.map(field).join(",")}\r\n`;
}

/** The status both as its contract code and as text. */
function figures(f: ComplianceFigures): (string | number)[] {
  return [...figureCells(f), f.status, STATUS_TEXT[f.status]];
}

const { apologizedAfterDue: afterDueHeader, ...figureHeaders } = SUMMARY_HEADERS;

/** The flagged count goes last, so the columns before it keep the places other systems read. */
export const CSV_HEADERS = [...Object.values(figureHeaders), "Diễn giải trạng thái", afterDueHeader];

/** The summary as CSV text (a few dozen lines: one chunk). */
export async function* csvReport(m: ComplianceFiguresSummary): AsyncGenerator<string> {
  let text = BOM + line(CSV_HEADERS);
  for (const { unit, figures: f, apologizedAfterDue } of m.units) {
    text += line([unit.code, unit.name, UNIT_KIND_TEXT[unit.kind], ...figures(f), apologizedAfterDue]);
  }
  text += line(["", TOTAL_LABEL, "", ...figures(m.total), m.totalApologizedAfterDue]);
  yield text.normalize("NFC");
}
