import { BOARD_SERIES, unitColor } from "../../domain/progress-chart.js";
import { chartDrawingXml, lineChartXml, type LineChartSpec } from "../xlsx/line-chart.js";
import { CELL_STYLE, DATE, HEADER_HEIGHT, HEADER_STYLE, PERCENT, excelDay, type ReportSheetWriter } from "./xlsx-report-style.js";

/**
 * The report's sheet "Tiến độ": the board's and each unit's rate at the end of every day (one column
 * per unit, as Directive.progress gives them) and a native Excel line chart of those columns.
 */
export const PROGRESS_SHEET = "Tiến độ";

export const writeProgressSheet: ReportSheetWriter = async (book, m) => {
  const { progress } = m;
  const columns = 2 + progress.units.length;
  const sheet = await book.addSheet(PROGRESS_SHEET, {
    columns: [12, 11, ...progress.units.map(() => 10)],
    frozen: { columns: 1, rows: 1 },
  });
  sheet.addRow(["Ngày", BOARD_SERIES, ...progress.units.map((u) => u.code)], book.styles.id(HEADER_STYLE), { height: HEADER_HEIGHT });
  const styles = [
    book.styles.id({ ...CELL_STYLE, numFmt: DATE }),
    ...Array.from({ length: columns - 1 }, () => book.styles.id({ ...CELL_STYLE, numFmt: PERCENT })),
  ];
  progress.days.forEach((day, i) => {
    sheet.addRow([excelDay(day), progress.board[i], ...progress.units.map((u) => u.rates[i])], styles);
  });
  await sheet.flush();

  const spec: LineChartSpec = {
    sheetName: PROGRESS_SHEET,
    title: progress.title,
    headerRow: 1,
    lastRow: 1 + progress.days.length,
    categoryColumn: 1,
    series: [
      { column: 2, color: "000000", widthPt: 2.5 },
      ...progress.units.map((_, i) => ({ column: 3 + i, color: unitColor(i).slice(1).toUpperCase() })),
    ],
    // Beside the columns, where it is seen on opening: 16 columns by 30 rows.
    anchor: { fromColumn: columns + 1, fromRow: 1, toColumn: columns + 17, toRow: 31 },
  };
  const chart = book.addChart(lineChartXml(spec));
  sheet.setDrawing(book.addDrawing(chartDrawingXml(spec, "Biểu đồ tiến độ"), { rId1: chart }));
  await sheet.end();
};
