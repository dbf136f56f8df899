import { ASSIGNEE_HEADERS, ASSIGNEES_SHEET, assigneeCells } from "./assignee-report.js";
import { A4_LANDSCAPE, CELL_STYLE, HEADER_HEIGHT, HEADER_STYLE, type ReportSheetWriter } from "./xlsx-report-style.js";

/**
 * The report's sheet "Thống kê HpNet theo cán bộ": one row per (unit, person) as Directive.assignees
 * orders them, written row by row like the other sheets of the streaming workbook.
 */
export const writeAssigneeSheet: ReportSheetWriter = async (book, m) => {
  const sheet = await book.addSheet(ASSIGNEES_SHEET, {
    columns: [40, 30, 14, 16, 14, 14],
    frozen: { rows: 1 },
    page: A4_LANDSCAPE,
  });
  sheet.addRow(Object.values(ASSIGNEE_HEADERS), book.styles.id(HEADER_STYLE), { height: HEADER_HEIGHT });
  const style = book.styles.id(CELL_STYLE);
  for (const r of m.assignees) {
    sheet.addRow(assigneeCells(r), style);
    await sheet.flush();
  }
  await sheet.end();
};
