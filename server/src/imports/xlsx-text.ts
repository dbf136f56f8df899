/**
 * A worksheet cell as the text the CSV reader would have produced for it, so that one set of
 * rules reads both formats: a number as JavaScript writes it, a date or time (a number shown
 * through a date format) as the wall clock written in the sheet, here Vietnam time, TRUE/FALSE,
 * text as typed; an error (#REF!) is no text at all (null).
 */
export interface RawCell {
  /** The cell's `t`: s (shared string), inlineStr, str (a formula's text), b, e, d (ISO date), n (default). */
  type: string;
  /** The text of its <v>: an index, a number, a formula's cached result. */
  value: string;
  /** The text of its <is> (an inline string). */
  inline: string;
  /** Its style's number format, when it has one. */
  format: string | undefined;
}

export function cellText(cell: RawCell, strings: readonly string[], date1904: boolean): string | null {
  switch (cell.type) {
    case "s": {
      const text = strings[Number(cell.value)];
      if (text === undefined) throw new Error(`a cell names shared string ${cell.value}, which the workbook does not hold`);
      return text;
    }
    case "inlineStr":
      return unescapedText(cell.inline);
    case "str":
      return unescapedText(cell.value);
    case "b":
      return cell.value === "" ? null : cell.value === "1" || cell.value === "true" ? "TRUE" : "FALSE";
    case "e":
      // Not a value: the reader reports it beside the row (SourceRecord.cellErrors).
      return null;
    case "d":
      return cell.value === "" ? null : isoDateText(cell.value.trim(), cell.format);
    default: {
      if (cell.value === "") return null;
      const number = parseFloat(cell.value);
      if (Number.isNaN(number)) return cell.value;
      if (isDateFormat(cell.format)) return wallClockText(excelSerialToDate(number + (date1904 ? DAYS_1900_TO_1904 : 0)), cell.format);
      return String(number);
    }
  }
}

/**
 * OOXML writes a character XML cannot hold, such as a carriage return, as _xHHHH_ (ECMA-376
 * ST_Xstring; Excel writes "_x000D_" for the CR of text pasted from Windows), and a literal
 * "_x…_" typed in a cell with its underscore escaped as _x005F_. Read left to right, both come
 * out as the text typed; a carriage return becomes a line break as the CSV reader makes it.
 */
export function unescapedText(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\r\n?/g, "\n");
}

/**
 * A cell of type d holds an ISO-8601 date (what openpyxl and SheetJS write for dates): kept as
 * that wall clock, the day alone when it has no time and its format none.
 */
function isoDateText(iso: string, format: string | undefined): string {
  const match = /^(\d{4}-\d\d-\d\d)(?:T(\d\d:\d\d(?::\d\d)?)(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/.exec(iso);
  if (!match || match[3] !== undefined) return iso;
  const [, day, time] = match;
  const hasTime = time !== undefined && (/^00:00(:00)?$/.test(time) === false || (format !== undefined && /[hs]/i.test(stripLiterals(format))));
  return hasTime ? `${day}T${time.length === 5 ? `${time}:00` : time}` : day;
}

/** Excel's 1904 date system starts 1,462 days after its 1900 one. */
const DAYS_1900_TO_1904 = 1462;

/**
 * Excel keeps a date as a day count shown through a format: its wall clock, written in the sheet.
 * A format without hours means a day alone, which the due-date rule reads as 23:59:59.
 */
function wallClockText(date: Date, format?: string): string {
  // Sheets store fractions of a day; round away the float noise to the second a person typed.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  if (Number.isNaN(rounded.getTime())) return String(date);
  const iso = rounded.toISOString();
  const hasTime = format === undefined || /[hs]/i.test(stripLiterals(format)) || iso.slice(11, 19) !== "00:00:00";
  return hasTime ? iso.slice(0, 19) : iso.slice(0, 10);
}

export function isDateFormat(format?: string): boolean {
  return format !== undefined && /[ymdhs]/i.test(stripLiterals(format));
}

function stripLiterals(format: string): string {
  return format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
}

function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}
