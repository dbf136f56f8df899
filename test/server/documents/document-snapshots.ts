import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";

/** One line per row, so a difference shows where it is. */
export function snapshotText(sheets: unknown): string {
  return `${JSON.stringify(sheets, null, 1).replace(/"(\[\d+,.*?\])"(,?)$/gm, (_, row: string, comma: string) => JSON.parse(`"${row}"`) + comma)}\n`;
}

/**
 * What a reader sees in a generated file, as plain JSON to compare: an .xlsx opened with exceljs
 * (every cell's value and style, merges, widths, frozen panes, page setup), a .zip as its entry
 * names with each entry's SHA-256 (a letter's: of its word/document.xml).
 */
export async function xlsxSnapshot(bytes: Buffer): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((sheet) => {
    const rows: unknown[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const value = cell.value instanceof Date ? { date: cell.value.toISOString() } : cell.value;
        const font = cell.font ? `${cell.font.name} ${cell.font.size}${cell.font.bold ? " bold" : ""}${cell.font.italic ? " italic" : ""}` : null;
        const align = `${cell.alignment?.horizontal ?? ""}/${cell.alignment?.vertical ?? ""}${cell.alignment?.wrapText ? " wrap" : ""}`;
        const fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null;
        cells.push([column, value, cell.numFmt ?? null, font, fill, cell.border?.top ? "box" : null, align]);
      });
      rows.push(JSON.stringify([number, row.height ?? null, cells]));
    });
    return {
      name: sheet.name,
      widths: sheet.columns?.map((c) => c.width ?? null) ?? [],
      views: sheet.views.map((v) => ({ state: v.state, xSplit: (v as any).xSplit ?? 0, ySplit: (v as any).ySplit ?? 0 })),
      merges: Object.keys((sheet as any)._merges ?? {}).sort(),
      pageSetup: {
        paperSize: sheet.pageSetup.paperSize,
        orientation: sheet.pageSetup.orientation,
        fitToPage: sheet.pageSetup.fitToPage,
        fitToWidth: sheet.pageSetup.fitToWidth,
        fitToHeight: sheet.pageSetup.fitToHeight,
      },
      rows,
    };
  });
}

/** A .docx entry is compared by its text and layout (word/document.xml), not its creation time. */
export function zipSnapshot(bytes: Buffer): { name: string; sha256: string }[] {
  const entries = unzipSync(new Uint8Array(bytes));
  return Object.entries(entries).map(([name, content]) => ({
    name,
    sha256: createHash("sha256")
      .update(name.endsWith(".docx") ? unzipSync(content)["word/document.xml"] : content)
      .digest("hex"),
  }));
}
