import type { ImportColumn } from "./import-columns.js";
import type { ImportError } from "./import-result.js";
import { shownText } from "./shown-text.js";

/**
 * The form a header is compared in: no diacritics, no case, no spaces, no underscores, so that
 * "Mã hồ sơ", "MA HO SO", "ma_ho_so" and "MãHồSơ" are one name. đ has no decomposition in Unicode
 * and is mapped by hand.
 */
export function headerKey(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s_]/gu, "");
}

/** Where each known column sits in the file, and the header as the file wrote it (for messages). */
export interface HeaderMap {
  readonly positions: ReadonlyMap<string, number>;
  readonly labels: ReadonlyMap<string, string>;
}

export type HeaderMatch =
  | { ok: true; map: HeaderMap }
  | { ok: false; errors: ImportError[] };

/** Matches a header row against a format's columns; unknown headers are ignored, as the format says. */
export function matchHeader(
  cells: readonly (string | null)[],
  columns: readonly ImportColumn[],
  line = 1,
): HeaderMatch {
  const byKey = new Map<string, ImportColumn>();
  for (const c of columns) {
    byKey.set(headerKey(c.name), c);
    byKey.set(headerKey(c.vietnamese), c);
  }
  const positions = new Map<string, number>();
  const labels = new Map<string, string>();
  const errors: ImportError[] = [];
  const unmatched: string[] = [];
  cells.forEach((cell, index) => {
    const label = (cell ?? "").normalize("NFC").trim();
    const c = label === "" ? undefined : byKey.get(headerKey(label));
    if (!c) {
      if (label !== "") unmatched.push(label);
      return;
    }
    if (positions.has(c.name)) {
      errors.push({
        line,
        column: c.name,
        message: `Columns "${labels.get(c.name)}" and "${shownText(label)}" are the same column (${c.name} / ${c.vietnamese}); keep only one.`,
      });
      return;
    }
    positions.set(c.name, index);
    // As row errors will quote it: the header a person typed, cut if it is long.
    labels.set(c.name, shownText(label));
  });
  for (const c of columns) {
    if (c.required && !positions.has(c.name)) {
      const near = unmatched.find((label) => sameLetters(label, c));
      errors.push({
        line,
        column: c.name,
        message:
          `The required column "${c.vietnamese}" (${c.name}) is missing from the header line.` +
          (near === undefined ? "" : ` The header "${shownText(near)}" differs from it only by its marks: write it as "${c.vietnamese}" (or ${c.name}).`),
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, map: { positions, labels } };
}

/**
 * A header that is a column's name but for punctuation: a template's "Mã hồ sơ (*)" for a required
 * column, "Ngày hẹn trả:" or "Mã đơn vị." It is not matched (the format's rule is exact but for
 * case, diacritics, spaces and underscores), but the message says which column it was meant to be.
 */
function sameLetters(label: string, column: ImportColumn): boolean {
  const letters = (text: string) => headerKey(text).replace(/[^\p{L}\p{N}]/gu, "");
  const key = letters(label);
  return key !== "" && (key === letters(column.name) || key === letters(column.vietnamese));
}

/** How many lines after a first line that is not the header are tried as the header (blank ones included). */
export const HEADER_LOOKAHEAD_LINES = 20;

/**
 * The file's first line is not its header, but a later one is (a title, a date or a blank line
 * above it, as a workbook made for printing has): still refused, since the header comes first, but
 * said as what it is instead of "every required column is missing".
 */
export function misplacedHeaderError(firstLine: number, headerLine: number): ImportError {
  return {
    line: firstLine,
    column: null,
    message:
      `Line ${firstLine} is not the header line, and the header must come first: the columns are on line ${headerLine}. ` +
      `Delete the lines above line ${headerLine} (a title, a date, blank lines) and import again.`,
  };
}
