import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { vietnamWallClock, type VietnamDay } from "../../domain/vietnam-time.js";
import type { ComplianceFigures } from "../../domain/compliance.js";
import { dayText } from "../letters/vietnamese-format.js";
import { writeAssigneeSheet } from "./assignee-sheet.js";
import {
  figureCells,
  STATUS_TEXT,
  SUMMARY_HEADERS,
  TIMELINESS_TEXT,
  TOTAL_LABEL,
  UNIT_KIND_TEXT,
  type ComplianceReportModel,
} from "./report.model.js";

/**
 * The consolidated report as .xlsx, written with exceljs's streaming writer so a board with many
 * outstanding rows never sits in memory as a whole workbook. Sheet 1 is the summary with a title
 * block, sheet 2 the late cases without an apology, sheet 3 the HpNet tasks still owed.
 */
export const SUMMARY_SHEET = "Tổng hợp";
export const CASES_SHEET = "Hồ sơ chưa xin lỗi";
export const TASKS_SHEET = "Công việc HpNet";
/** Rows above the summary's header: title, subject, deadline, period, as-of, blank. */
export const SUMMARY_HEADER_ROW = 7;

const PERCENT = "0.0%";
const DATE = "dd/mm/yyyy";
const DATE_TIME = "dd/mm/yyyy hh:mm";
const FONT = { name: "Times New Roman", size: 12 };
const BOLD = { ...FONT, bold: true };
const THIN = { style: "thin" as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Printed on A4 across, every column on one page wide (the Office files a printout). */
const A4_LANDSCAPE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: "landscape",
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

/**
 * Excel has no time zones: a cell shows the wall clock of the serial it holds, and exceljs writes a
 * Date's UTC fields. Shifting by +7 h makes the cell show Vietnam time.
 */
export function excelMoment(moment: Date): Date {
  return vietnamWallClock(moment);
}

export function excelDay(day: VietnamDay): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

type Sheet = ExcelJS.Worksheet;

function headerRow(sheet: Sheet, headers: string[]): void {
  const row = sheet.addRow(headers);
  row.height = 32;
  row.eachCell((cell) => {
    cell.font = BOLD;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.border = BOX;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  row.commit();
}

function figuresCells(f: ComplianceFigures): (number | string)[] {
  return [...figureCells(f), STATUS_TEXT[f.status]];
}

/** Columns of the summary holding rates, 1-based: formatted as percentages. */
const RATE_COLUMNS = [6, 9, 11, 12];

function styleDataRow(row: ExcelJS.Row, dateFormats: Record<number, string>, bold = false): void {
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cell.font = bold ? BOLD : FONT;
    cell.border = BOX;
    cell.alignment = { vertical: "top", wrapText: true };
    if (dateFormats[column]) cell.numFmt = dateFormats[column];
  });
}

function writeSummary(workbook: ExcelJS.stream.xlsx.WorkbookWriter, m: ComplianceReportModel): void {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, {
    views: [{ state: "frozen", xSplit: 2, ySplit: SUMMARY_HEADER_ROW }],
    pageSetup: A4_LANDSCAPE,
  });
  // Column A also holds the title block's labels ("Số liệu tính đến:"), hence wider than a code needs.
  sheet.columns = [18, 44, 18, 11, 11, 11, 12, 13, 11, 12, 11, 11, 24, 12].map((width) => ({ width }));
  const title = sheet.addRow([`BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN VĂN BẢN SỐ ${m.directive.number}`]);
  title.font = { ...BOLD, size: 14 };
  const subject = sheet.addRow([m.directive.subject]);
  subject.font = { ...FONT, italic: true };
  // The streaming writer only merges rows it has not committed yet.
  sheet.mergeCells(1, 1, 1, 14);
  sheet.mergeCells(2, 1, 2, 14);
  title.commit();
  subject.commit();
  const meta: [string, Date | string, string | undefined][] = [
    ["Hạn hoàn thành:", excelDay(m.directive.deadline), DATE],
    ["Kỳ rà soát:", `${dayText(m.directive.periodStart)} - ${dayText(m.directive.periodEnd)}`, undefined],
    ["Số liệu tính đến:", excelMoment(m.asOf), DATE_TIME],
  ];
  for (const [label, value, format] of meta) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = BOLD;
    row.getCell(2).font = FONT;
    row.getCell(2).alignment = { horizontal: "left" };
    if (format) row.getCell(2).numFmt = format;
    row.commit();
  }
  sheet.addRow([]).commit();
  headerRow(sheet, Object.values(SUMMARY_HEADERS));
  const rates = Object.fromEntries(RATE_COLUMNS.map((c) => [c, PERCENT]));
  for (const { unit, figures, apologizedAfterDue } of m.units) {
    const row = sheet.addRow([unit.code, unit.name, UNIT_KIND_TEXT[unit.kind], ...figuresCells(figures), apologizedAfterDue]);
    styleDataRow(row, rates);
    row.commit();
  }
  const total = sheet.addRow(["", TOTAL_LABEL, "", ...figuresCells(m.total), m.totalApologizedAfterDue]);
  styleDataRow(total, rates, true);
  total.commit();
  sheet.commit();
}

function writeCases(workbook: ExcelJS.stream.xlsx.WorkbookWriter, m: ComplianceReportModel): void {
  const sheet = workbook.addWorksheet(CASES_SHEET, { views: [{ state: "frozen", ySplit: 1 }], pageSetup: A4_LANDSCAPE });
  sheet.columns = [10, 26, 50, 34, 17, 17, 17, 20, 14].map((width) => ({ width }));
  headerRow(sheet, [
    "Mã đơn vị",
    "Mã hồ sơ",
    "Thủ tục hành chính",
    "Tổ chức, cá nhân",
    "Ngày tiếp nhận",
    "Hẹn trả kết quả",
    "Ngày trả kết quả",
    "Tình trạng",
    "Số ngày làm việc quá hạn",
  ]);
  const formats = { 5: DATE_TIME, 6: DATE_TIME, 7: DATE_TIME };
  for (const c of m.outstandingCases) {
    const row = sheet.addRow([
      c.unitCode,
      c.caseCode,
      c.procedureName,
      c.applicantName,
      excelMoment(c.receivedAt),
      excelMoment(c.dueAt),
      c.resolvedAt ? excelMoment(c.resolvedAt) : null,
      TIMELINESS_TEXT[c.timeliness],
      c.workingDaysLate,
    ]);
    styleDataRow(row, formats);
    row.commit();
  }
  sheet.commit();
}

function writeTasks(workbook: ExcelJS.stream.xlsx.WorkbookWriter, m: ComplianceReportModel): void {
  const sheet = workbook.addWorksheet(TASKS_SHEET, { views: [{ state: "frozen", ySplit: 1 }], pageSetup: A4_LANDSCAPE });
  sheet.columns = [10, 18, 56, 24, 17, 17, 16, 16].map((width) => ({ width }));
  headerRow(sheet, [
    "Mã đơn vị",
    "Mã công việc HpNet",
    "Nội dung công việc",
    "Người xử lý",
    "Ngày giao",
    "Hạn xử lý",
    "Báo cáo hoàn thành/lưu trữ",
    "Lập hồ sơ công việc",
  ]);
  const formats = { 5: DATE_TIME, 6: DATE_TIME };
  for (const t of m.outstandingTasks) {
    const row = sheet.addRow([
      t.unitCode,
      t.externalId,
      t.title,
      t.assignee ?? "",
      excelMoment(t.assignedAt),
      t.dueAt ? excelMoment(t.dueAt) : null,
      t.reported ? "Đã báo cáo" : "Chưa báo cáo",
      t.filed ? "Đã lập" : "Chưa lập",
    ]);
    styleDataRow(row, formats);
    row.commit();
  }
  sheet.commit();
}

/** Streams the workbook into `output` and resolves once the last byte is written. */
export async function writeXlsxReport(m: ComplianceReportModel, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "CCHC Tracker";
  workbook.created = m.asOf;
  writeSummary(workbook, m);
  writeCases(workbook, m);
  writeTasks(workbook, m);
  writeAssigneeSheet(workbook, m.assignees);
  await workbook.commit();
}

export async function buildXlsxReport(m: ComplianceReportModel): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  await writeXlsxReport(m, sink);
  await ended;
  return Buffer.concat(chunks);
}
