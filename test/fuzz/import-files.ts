import ExcelJS from "exceljs";
import fc from "fast-check";
import { strToU8, unzipSync, zipSync } from "fflate";
import { HUGE_TEXT, INJECTIONS, INVALID_DATES, badText } from "./malformed-inputs.js";

export type ImportKindName = "cases" | "apologies" | "tasks";

/** A small file of each kind that imports cleanly on the seed (test/fuzz/fuzz-seed.ts). */
export const VALID_ROWS: Record<ImportKindName, string[][]> = {
  cases: [
    ["code", "procedure_name", "applicant_name", "unit_code", "received_at", "due_at", "resolved_at"],
    ["FZI-1", "Cấp phép", "Lê Văn Nhập", "VP", "01/03/2023 08:00", "10/03/2023", ""],
    ["FZI-2", "Cấp phép", "Đỗ Thị Nhập", "QLĐT", "2023-03-02T08:00:00+07:00", "2023-03-12T17:00:00+07:00", "2023-03-11T10:00:00+07:00"],
  ],
  apologies: [
    ["case_code", "number", "issued_at", "reason", "new_due_at", "signer"],
    ["LATE-IMPORT", "7/PXL-FZ", "15/03/2023 09:00", "Chờ xác minh", "25/03/2023", "Nguyễn Văn Ký"],
  ],
  tasks: [
    ["external_id", "title", "unit_code", "assignee", "assigned_at", "due_at"],
    ["FZT-1", "Báo cáo tháng", "VP", "Phạm Văn Làm", "01/03/2023 08:00", "15/03/2023"],
    ["FZT-2", "Lập hồ sơ", "QLĐT", "", "2023-03-02T08:00:00+07:00", ""],
  ],
};

export const MUTATION_OF: Record<ImportKindName, { csv: string; xlsx: string }> = {
  cases: { csv: "importCases", xlsx: "importCasesXlsx" },
  apologies: { csv: "importApologies", xlsx: "importApologiesXlsx" },
  tasks: { csv: "importHpNetTasks", xlsx: "importHpNetTasksXlsx" },
};

const csvCell = (value: string) => (/[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
export const toCsv = (rows: string[][]) => rows.map((row) => row.map(csvCell).join(",")).join("\r\n");

export async function toXlsx(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const kind = fc.constantFrom<ImportKindName>("cases", "apologies", "tasks");
const cellText = fc.oneof(badText.map(String), fc.constantFrom(...INJECTIONS, ...INVALID_DATES), fc.constant(HUGE_TEXT));

/** Edits of the valid table: a bad value in some cell, a wrong or missing header, extra or missing cells. */
const tableEdit = fc.oneof(
  fc.record({ edit: fc.constant("cell" as const), row: fc.nat(), column: fc.nat(), text: cellText }),
  fc.record({ edit: fc.constant("header" as const), column: fc.nat(), text: fc.oneof(cellText, fc.constantFrom("code", "mã hồ sơ", "", "unknown", "CODE ")) }),
  fc.record({ edit: fc.constant("dropColumn" as const), column: fc.nat() }),
  fc.record({ edit: fc.constant("extraCells" as const), row: fc.nat(), cells: fc.array(cellText, { minLength: 1, maxLength: 4 }) }),
  fc.record({ edit: fc.constant("shortRow" as const), row: fc.nat(), keep: fc.nat({ max: 3 }) }),
);
type TableEdit = typeof tableEdit extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(rows: string[][], edits: TableEdit[]): string[][] {
  const table = rows.map((row) => [...row]);
  for (const e of edits) {
    const width = table[0].length;
    switch (e.edit) {
      case "cell": {
        const r = 1 + (e.row % (table.length - 1));
        table[r][e.column % width] = e.text;
        break;
      }
      case "header":
        table[0][e.column % width] = e.text;
        break;
      case "dropColumn": {
        const c = e.column % width;
        if (width > 1) for (const row of table) row.splice(c, 1);
        break;
      }
      case "extraCells":
        table[1 + (e.row % (table.length - 1))].push(...e.cells);
        break;
      case "shortRow":
        table[1 + (e.row % (table.length - 1))].length = e.keep;
        break;
    }
  }
  return table;
}

/** Where an edit of the text lands: a fraction of its length. */
const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** A CSV text an import must refuse whole (or, when it happens to stay valid, import whole). */
export const malformedCsv = fc.record({
  kind,
  dryRun: fc.boolean(),
  text: fc.oneof(
    kind.chain((k) => fc.array(tableEdit, { minLength: 1, maxLength: 3 }).map((edits) => toCsv(applyEdits(VALID_ROWS[k], edits)))),
    // Cut anywhere: mid-quote, mid-header, mid-UTF-8 sequence's character.
    fc.tuple(kind, position).map(([k, at]) => {
      const text = toCsv(VALID_ROWS[k]);
      return text.slice(0, Math.floor(text.length * at));
    }),
    // Stray characters at random places: quotes that never close, NULs, lone surrogates, delimiters.
    fc.tuple(kind, fc.array(fc.tuple(position, fc.constantFrom('"', "\u0000", "\ud800", ";", ",", "\r", "\n", "\ufeff", "'=")), { minLength: 1, maxLength: 6 })).map(([k, inserts]) => {
      let text = toCsv(VALID_ROWS[k]);
      for (const [at, char] of inserts) {
        const i = Math.floor(text.length * at);
        text = text.slice(0, i) + char + text.slice(i);
      }
      return text;
    }),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.constantFrom("", "\ufeff", "\r\n\r\n", ",,,,", '"', "code\n" + "x\n".repeat(5000), HUGE_TEXT),
  ),
});

/** How to damage a valid .xlsx before it is sent, materialised by `damagedXlsx`. */
export const xlsxDamage = fc.record({
  kind,
  dryRun: fc.boolean(),
  damage: fc.oneof(
    fc.record({ how: fc.constant("flipBytes" as const), flips: fc.array(fc.tuple(position, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }) }),
    fc.record({ how: fc.constant("truncate" as const), at: position }),
    fc.record({ how: fc.constant("randomBytes" as const), bytes: fc.uint8Array({ maxLength: 4096 }) }),
    fc.record({ how: fc.constant("zipWithoutSheet" as const), names: fc.array(fc.constantFrom("[Content_Types].xml", "xl/workbook.xml", "docProps/app.xml", "a.txt"), { maxLength: 3 }) }),
    fc.record({ how: fc.constant("garbageSheet" as const), xml: fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom("<worksheet>", "<?xml version=\"1.0\"?><worksheet xmlns=\"x\"><sheetData><row><c t=\"s\"><v>99999</v></c></row></sheetData></worksheet>", '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>')) }),
    fc.record({ how: fc.constant("badCells" as const), edits: fc.array(tableEdit, { minLength: 1, maxLength: 3 }), typed: fc.constantFrom<unknown>(new Date(Number.NaN), -1e308, true, { formula: "HYPERLINK(\"http://evil.example\")" }, { error: "#REF!" }) }),
    fc.record({ how: fc.constant("notBase64" as const), text: fc.oneof(fc.constantFrom("!!!!", "@@@=", "=", "====", "UEsDBA==="), badText.map(String)) }),
  ),
});
type XlsxDamage = typeof xlsxDamage extends fc.Arbitrary<infer T> ? T : never;

/** The base64 text sent for a damage recipe. */
export async function damagedXlsx(kindName: ImportKindName, damage: XlsxDamage["damage"], valid: Buffer): Promise<string> {
  switch (damage.how) {
    case "flipBytes": {
      const bytes = Buffer.from(valid);
      for (const [at, value] of damage.flips) bytes[Math.floor(bytes.length * at)] = value;
      return bytes.toString("base64");
    }
    case "truncate":
      return valid.subarray(0, Math.floor(valid.length * damage.at)).toString("base64");
    case "randomBytes":
      return Buffer.from(damage.bytes).toString("base64");
    case "zipWithoutSheet": {
      const files = Object.fromEntries(damage.names.map((name) => [name, strToU8("<x/>")]));
      return Buffer.from(zipSync(files)).toString("base64");
    }
    case "garbageSheet": {
      const files = unzipSync(valid);
      files["xl/worksheets/sheet1.xml"] = strToU8(damage.xml);
      return Buffer.from(zipSync(files)).toString("base64");
    }
    case "badCells": {
      const rows: unknown[][] = applyEdits(VALID_ROWS[kindName], damage.edits);
      rows[1] = [...rows[1]];
      rows[1][rows[1].length - 1] = damage.typed;
      return (await toXlsx(rows)).toString("base64");
    }
    case "notBase64":
      return damage.text;
  }
}
