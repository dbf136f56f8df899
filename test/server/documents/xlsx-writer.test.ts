import { PassThrough, Writable } from "node:stream";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { collect, OutputClosedError } from "../../../server/src/documents/stream-output.js";
import { XlsxWorkbookWriter } from "../../../server/src/documents/xlsx/xlsx-workbook-writer.js";

/** The streaming .xlsx writer on its own: what Excel's readers see, the parts a chart adds, a receiver that leaves. */
const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>`;
const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`;

describe("XlsxWorkbookWriter", () => {
  it("writes sheets row by row that exceljs reads back: values, dates, styles, merges, frozen panes", async () => {
    const { content } = await collect(async (output) => {
      const book = new XlsxWorkbookWriter(output, { creator: "test", created: new Date("2024-01-02T03:04:05Z") });
      const sheet = await book.addSheet("Tổng hợp", { columns: [12, 30], frozen: { rows: 1 }, page: { paperSize: 9, landscape: true } });
      const bold = book.styles.id({ font: { name: "Times New Roman", size: 12, bold: true }, box: true });
      const date = book.styles.id({ numFmt: "dd/mm/yyyy hh:mm" });
      sheet.addRow(["Mã", "Tên <&> \"x\"\u0001"], bold, { height: 30 });
      sheet.addRow(["A", new Date("2023-11-14T16:30:00Z"), 0.25, null], [0, date]);
      sheet.mergeCells(3, 1, 3, 2);
      sheet.addRow(["merged"]);
      const second = await book.addSheet("Tiến độ");
      for (let i = 0; i < 5_000; i += 1) {
        second.addRow([i, `dòng ${i}`]);
        await second.flush();
      }
      second.setDrawing(book.addDrawing(DRAWING, { rId1: book.addChart(CHART) }));
      await book.finish();
    });
    const bytes = content as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Tổng hợp", "Tiến độ"]);
    const first = workbook.worksheets[0];
    expect(first.getCell("B1").value).toBe('Tên <&> "x"');
    expect(first.getCell("A1").font.bold).toBe(true);
    expect(first.getRow(1).height).toBe(30);
    expect((first.getCell("B2").value as Date).toISOString()).toBe("2023-11-14T16:30:00.000Z");
    expect(first.getCell("B2").numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(first.getCell("C2").value).toBe(0.25);
    expect(first.getCell("B3").isMerged).toBe(true);
    expect(first.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(first.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
    expect(workbook.worksheets[1].rowCount).toBe(5_000);
    expect(workbook.worksheets[1].getCell("B5000").value).toBe("dòng 4999");

    const parts = unzipSync(new Uint8Array(bytes));
    const types = strFromU8(parts["[Content_Types].xml"]);
    expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    expect(strFromU8(parts["xl/worksheets/_rels/sheet2.xml.rels"])).toContain('Target="../drawings/drawing1.xml"');
    expect(strFromU8(parts["xl/drawings/_rels/drawing1.xml.rels"])).toContain('Id="rId1"');
    expect(strFromU8(parts["xl/worksheets/sheet2.xml"])).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
  });

  it("stops at the next flush once the receiver goes away, and lets the source go", async () => {
    const output = new PassThrough({ highWaterMark: 16 * 1024 });
    let read = 0;
    let released = false;
    async function* rows() {
      try {
        for (let i = 0; i < 1_000_000; i += 1) {
          read += 1;
          yield [i, "x".repeat(50)];
        }
      } finally {
        released = true;
      }
    }
    const book = new XlsxWorkbookWriter(output);
    const writing = (async () => {
      const sheet = await book.addSheet("S");
      for await (const row of rows()) {
        sheet.addRow(row);
        await sheet.flush();
      }
      await book.finish();
    })();
    // Nobody reads: backpressure holds the writer; then the receiver goes away.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(read).toBeLessThan(10_000);
    output.destroy();
    await expect(writing).rejects.toBeInstanceOf(OutputClosedError);
    expect(released).toBe(true);
  });

  it("refuses a sheet name Excel cannot show", async () => {
    const book = new XlsxWorkbookWriter(new Writable({ write: (_c, _e, cb) => cb() }));
    await expect(book.addSheet("a/b")).rejects.toThrow(/cannot name an Excel sheet/);
    await expect(book.addSheet("x".repeat(32))).rejects.toThrow(/cannot name/);
  });
});
