import type { Writable } from "node:stream";
import type { ComplianceFigures } from "../../domain/compliance.js";
import { dayText } from "../letters/vietnamese-format.js";
import type { XlsxCellStyle } from "../xlsx/xlsx-styles.js";
import { XlsxWorkbookWriter } from "../xlsx/xlsx-workbook-writer.js";
import { writeAssigneeSheet } from "./assignee-sheet.js";
import { writeProgressSheet } from "./progress-sheet.js";
import {
  A4_LANDSCAPE,
  BOLD,
  CELL_STYLE,
  DATE,
  DATE_TIME,
  excelDay,
  excelMoment,
  FONT,
  HEADER_HEIGHT,
  HEADER_STYLE,
  PERCENT,
  type ReportSheetWriter,
} from "./xlsx-report-style.js";
import {
  figureCells,
  STATUS_TEXT,
  SUMMARY_HEADERS,
  TIMELINESS_TEXT,
  TOTAL_LABEL,
  UNIT_KIND_TEXT,
  type ComplianceReportSource,
} from "./report.model.js";

/**
 * The consolidated report as .xlsx, streamed row by row (xlsx/xlsx-workbook-writer.ts) while the
 * outstanding lists are read from the database, so a board with a million rows never sits in
 * memory. The sheets are a list of writers (REPORT_SHEETS), each writing its own sheet in turn:
 * sheet 1 is the summary with a title block, sheet 2 the late cases without an apology, sheet 3 the
 * HpNet tasks still owed. A sheet added to the report is one more writer in the list; one with a
 * chart adds its parts with book.addChart / book.addDrawing and sheet.setDrawing.
 */
export const SUMMARY_SHEET = "Tổng hợp";
export const CASES_SHEET = "Hồ sơ chưa xin lỗi";
export const TASKS_SHEET = "Công việc HpNet";
/** Rows above the summary's header: title, subject, deadline, period, as-of, blank. */
export const SUMMARY_HEADER_ROW = 7;

export type { ReportSheetWriter } from "./xlsx-report-style.js";

function figuresCells(f: ComplianceFigures): (number | string)[] {
  return [...figureCells(f), STATUS_TEXT[f.status]];
}

/** Columns of the summary holding rates, 1-based: formatted as percentages. */
const RATE_COLUMNS = [6, 9, 11, 12];
const SUMMARY_COLUMNS = 14;

const writeSummary: ReportSheetWriter = async (book, m) => {
  const sheet = await book.addSheet(SUMMARY_SHEET, {
    // Column A also holds the title block's labels ("Số liệu tính đến:"), hence wider than a code needs.
    columns: [18, 44, 18, 11, 11, 11, 12, 13, 11, 12, 11, 11, 24, 12],
    frozen: { columns: 2, rows: SUMMARY_HEADER_ROW },
    page: A4_LANDSCAPE,
  });
  const id = (style: XlsxCellStyle) => book.styles.id(style);
  const spread = <T>(first: T) => [first, ...Array<null>(SUMMARY_COLUMNS - 1).fill(null)];
  sheet.addRow(spread(`BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN VĂN BẢN SỐ ${m.directive.number}`), id({ font: { ...BOLD, size: 14 } }));
  sheet.addRow(spread(m.directive.subject), id({ font: { ...FONT, italic: true } }));
  sheet.mergeCells(1, 1, 1, SUMMARY_COLUMNS);
  sheet.mergeCells(2, 1, 2, SUMMARY_COLUMNS);
  const label = id({ font: BOLD });
  const value = (numFmt?: string) => id({ font: FONT, horizontal: "left", ...(numFmt ? { numFmt } : {}) });
  sheet.addRow(["Hạn hoàn thành:", excelDay(m.directive.deadline)], [label, value(DATE)]);
  sheet.addRow(["Kỳ rà soát:", `${dayText(m.directive.periodStart)} - ${dayText(m.directive.periodEnd)}`], [label, value()]);
  sheet.addRow(["Số liệu tính đến:", excelMoment(m.asOf)], [label, value(DATE_TIME)]);
  sheet.addRow([]);
  sheet.addRow(Object.values(SUMMARY_HEADERS), id(HEADER_STYLE), { height: HEADER_HEIGHT });
  const rowStyles = (bold: boolean) =>
    Array.from({ length: SUMMARY_COLUMNS }, (_, i) =>
      id({ ...CELL_STYLE, font: bold ? BOLD : FONT, ...(RATE_COLUMNS.includes(i + 1) ? { numFmt: PERCENT } : {}) }),
    );
  const plain = rowStyles(false);
  for (const { unit, figures, apologizedAfterDue } of m.units) {
    sheet.addRow([unit.code, unit.name, UNIT_KIND_TEXT[unit.kind], ...figuresCells(figures), apologizedAfterDue], plain);
  }
  sheet.addRow(["", TOTAL_LABEL, "", ...figuresCells(m.total), m.totalApologizedAfterDue], rowStyles(true));
  await sheet.end();
};

/** Style ids for a list's data row: a date-time format in the given 1-based columns. */
function listStyles(book: XlsxWorkbookWriter, columns: number, dateColumns: number[]): number[] {
  return Array.from({ length: columns }, (_, i) =>
    book.styles.id(dateColumns.includes(i + 1) ? { ...CELL_STYLE, numFmt: DATE_TIME } : CELL_STYLE),
  );
}

const writeCases: ReportSheetWriter = async (book, m) => {
  const sheet = await book.addSheet(CASES_SHEET, {
    columns: [10, 26, 50, 34, 17, 17, 17, 20, 14],
    frozen: { rows: 1 },
    page: A4_LANDSCAPE,
  });
  const headers = [
    "Mã đơn vị",
    "Mã hồ sơ",
    "Thủ tục hành chính",
    "Tổ chức, cá nhân",
    "Ngày tiếp nhận",
    "Hẹn trả kết quả",
    "Ngày trả kết quả",
    "Tình trạng",
    "Số ngày làm việc quá hạn",
  ];
  sheet.addRow(headers, book.styles.id(HEADER_STYLE), { height: HEADER_HEIGHT });
  const styles = listStyles(book, headers.length, [5, 6, 7]);
  for await (const c of m.outstandingCases()) {
    sheet.addRow(
      [
        c.unitCode,
        c.caseCode,
        c.procedureName,
        c.applicantName,
        excelMoment(c.receivedAt),
        excelMoment(c.dueAt),
        c.resolvedAt ? excelMoment(c.resolvedAt) : null,
        TIMELINESS_TEXT[c.timeliness],
        c.workingDaysLate,
      ],
      styles,
    );
    await sheet.flush();
  }
  await sheet.end();
};

const writeTasks: ReportSheetWriter = async (book, m) => {
  const sheet = await book.addSheet(TASKS_SHEET, {
    columns: [10, 18, 56, 24, 17, 17, 16, 16],
    frozen: { rows: 1 },
    page: A4_LANDSCAPE,
  });
  const headers = [
    "Mã đơn vị",
    "Mã công việc HpNet",
    "Nội dung công việc",
    "Người xử lý",
    "Ngày giao",
    "Hạn xử lý",
    "Báo cáo hoàn thành/lưu trữ",
    "Lập hồ sơ công việc",
  ];
  sheet.addRow(headers, book.styles.id(HEADER_STYLE), { height: HEADER_HEIGHT });
  const styles = listStyles(book, headers.length, [5, 6]);
  for await (const t of m.outstandingTasks()) {
    sheet.addRow(
      [
        t.unitCode,
        t.externalId,
        t.title,
        t.assignee ?? "",
        excelMoment(t.assignedAt),
        t.dueAt ? excelMoment(t.dueAt) : null,
        t.reported ? "Đã báo cáo" : "Chưa báo cáo",
        t.filed ? "Đã lập" : "Chưa lập",
      ],
      styles,
    );
    await sheet.flush();
  }
  await sheet.end();
};

/** The report's sheets, in order. */
export const REPORT_SHEETS: ReportSheetWriter[] = [writeSummary, writeCases, writeTasks, writeAssigneeSheet, writeProgressSheet];

/**
 * Streams the workbook into `output` and resolves once the last byte is written. If the receiver
 * goes away or a source fails, the rows stop being read (the database cursor is let go) and the
 * output is destroyed rather than ended, so no one takes a cut file for a whole one.
 */
export async function writeXlsxReport(
  m: ComplianceReportSource,
  output: Writable,
  sheets: readonly ReportSheetWriter[] = REPORT_SHEETS,
): Promise<void> {
  const book = new XlsxWorkbookWriter(output, { creator: "CCHC Tracker", created: m.asOf });
  try {
    for (const write of sheets) await write(book, m);
    await book.finish();
  } catch (error) {
    book.abort(error as Error);
    throw error;
  }
}
