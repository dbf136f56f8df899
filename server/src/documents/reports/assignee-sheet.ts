import type ExcelJS from "exceljs";
import { ASSIGNEE_HEADERS, ASSIGNEES_SHEET, assigneeCells, type AssigneeReportRow } from "./assignee-report.js";

/**
 * The report's sheet "Thống kê HpNet theo cán bộ": one row per (unit, person) as Directive.assignees
 * orders them, committed row by row like the other sheets of the streaming workbook.
 */
const FONT = { name: "Times New Roman", size: 12 };
const BOLD = { ...FONT, bold: true };
const THIN = { style: "thin" as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function writeAssigneeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, rows: readonly AssigneeReportRow[]): void {
  const sheet = workbook.addWorksheet(ASSIGNEES_SHEET, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [40, 30, 14, 16, 14, 14].map((width) => ({ width }));
  const header = sheet.addRow(Object.values(ASSIGNEE_HEADERS));
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = BOLD;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = BOX;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  header.commit();
  for (const r of rows) {
    const row = sheet.addRow(assigneeCells(r));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = FONT;
      cell.border = BOX;
      cell.alignment = { vertical: "top", wrapText: true };
    });
    row.commit();
  }
  sheet.commit();
}
