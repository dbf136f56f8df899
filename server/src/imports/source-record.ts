import { unquoteFormula } from "../domain/csv-formula.js";
import { holdsReplacementCharacter, storedText } from "../domain/stored-text.js";
/** One row of a CSV or Excel file, before any meaning is given to it. */
export interface SourceRecord {
  /** Where the row starts: 1-based physical line of a CSV file, or the sheet's row number. */
  line: number;
  cells: readonly (string | null)[];
  /**
   * An .xlsx cell that holds an error instead of a value (a formula that failed: #REF!, #N/A), by
   * position; its cell is null. A column the import reads refuses the row; one it ignores does not.
   */
  cellErrors?: readonly (string | undefined)[];
}

/**
 * A file that cannot be read on from some line (not UTF-8, a quote never closed, not an .xlsx):
 * the import stops there and reports it with the errors found before.
 */
export class UnreadableFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "UnreadableFileError";
  }
}

/**
 * A file beyond what one import takes (rows, text size, unpacked size): refused whole before
 * anything is written, with one error on line 1 that names the limit.
 */
export class ImportLimitError extends Error {
  readonly line = 1;
  constructor(message: string) {
    super(message);
    this.name = "ImportLimitError";
  }
}

/** Text as it is stored: trimmed, Unicode NFC; blank is null. */
export function cleanCell(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // An export quoted a formula's first character (domain/csv-formula.ts); the import takes the quote away.
  const text = unquoteFormula(storedText(value));
  return text === "" ? null : text;
}

/**
 * A row that holds U+FFFD (domain/stored-text.ts) stops the import at its line like bytes that are
 * not UTF-8 do: the whole file went through the wrong encoding, so one clear error says how to save
 * it again, instead of a damaged name stored or one error per row.
 */
export function garbledRecordError(record: SourceRecord): UnreadableFileError | null {
  if (!record.cells.some((cell) => cell !== null && holdsReplacementCharacter(cell))) return null;
  return new UnreadableFileError(
    record.line,
    "This line holds \uFFFD, the character a program leaves where it could not read a letter: the file was " +
      "saved in another encoding (such as Windows-1258 or TCVN3) and read as UTF-8, so its Vietnamese letters are " +
      "lost. Save it again from its source as CSV UTF-8 (Excel: CSV UTF-8 (Comma delimited)) or as .xlsx, and import that.",
  );
}

export function isBlankRecord(record: SourceRecord): boolean {
  return record.cells.every((cell) => cleanCell(cell) === null);
}
