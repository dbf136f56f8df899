import { vietnamWallClock, type VietnamDay } from "../../domain/vietnam-time.js";
import type { XlsxSheetOptions } from "../xlsx/xlsx-sheet.js";
import type { XlsxCellStyle } from "../xlsx/xlsx-styles.js";
import type { XlsxWorkbookWriter } from "../xlsx/xlsx-workbook-writer.js";
import type { ComplianceReportSource } from "./report.model.js";

/** What every sheet of the XLSX report shares: the writer's signature, fonts, formats, page setup, moments. */
export type ReportSheetWriter = (book: XlsxWorkbookWriter, report: ComplianceReportSource) => Promise<void>;

export const PERCENT = "0.0%";
export const DATE = "dd/mm/yyyy";
export const DATE_TIME = "dd/mm/yyyy hh:mm";
export const FONT = { name: "Times New Roman", size: 12 };
export const BOLD = { ...FONT, bold: true };
/** The report's header cells: bold, centred, wrapped, boxed, light blue. */
export const HEADER_STYLE: XlsxCellStyle = { font: BOLD, horizontal: "center", vertical: "center", wrapText: true, box: true, fill: "FFD9E1F2" };
/** A data cell: boxed, top-aligned, wrapped. */
export const CELL_STYLE: XlsxCellStyle = { font: FONT, box: true, vertical: "top", wrapText: true };
/** Printed on A4 across, every column on one page wide (the Office files a printout). */
export const A4_LANDSCAPE: XlsxSheetOptions["page"] = { paperSize: 9, landscape: true, fitToWidth: 1, fitToHeight: 0 };
export const HEADER_HEIGHT = 32;

/**
 * Excel has no time zones: a cell shows the wall clock of the serial it holds, taken from a Date's
 * UTC fields. Shifting by +7 h makes the cell show Vietnam time.
 */
export function excelMoment(moment: Date): Date {
  return vietnamWallClock(moment);
}

export function excelDay(day: VietnamDay): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

