import type { ZipEntryStream } from "../zip-output.js";
import { RELATIONSHIP_TYPES, relationshipsXml } from "./xlsx-parts.js";
import type { XlsxWorkbookWriter } from "./xlsx-workbook-writer.js";
import { xmlText } from "./xml-text.js";

/**
 * One worksheet being written: rows go out in order as XML text, handed to the deflater every
 * ~64 KB. `addRow` is synchronous (cheap per row); a loop over many rows calls `await sheet.flush()`
 * now and then (it returns at once while the buffer is small) so the receiver's backpressure holds.
 */
export type XlsxValue = string | number | Date | null | undefined;

export interface XlsxSheetOptions {
  /** Column widths in characters, from column A. */
  columns?: number[];
  /** Frozen panes: the number of columns at the left and rows at the top that stay in view. */
  frozen?: { columns?: number; rows?: number };
  /** Printing: paper (9 = A4), landscape, and fitting to pages (fitToHeight 0 = as many pages as needed). */
  page?: { paperSize?: number; landscape?: boolean; fitToWidth?: number; fitToHeight?: number };
}

export interface XlsxRowOptions {
  /** Height in points. */
  height?: number;
}

const FLUSH_AT = 64 * 1024;
const MS_PER_DAY = 86_400_000;
/** Days from Excel's epoch (1899-12-30) to 1970-01-01, as exceljs counts. */
const EXCEL_EPOCH_DAYS = 25569;

const columnNames: string[] = [];
export function columnName(column: number): string {
  let name = columnNames[column];
  if (name !== undefined) return name;
  name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  columnNames[column] = name;
  return name;
}

/** A Date as the serial number Excel shows as the wall clock of its UTC fields. */
export function excelSerial(date: Date): number {
  return EXCEL_EPOCH_DAYS + date.getTime() / MS_PER_DAY;
}

export class XlsxSheet {
  private buffer = "";
  private rowNumber = 0;
  private readonly merges: string[] = [];
  private readonly rels: { id: string; type: string; target: string }[] = [];
  private drawingId: string | null = null;
  private ended = false;

  constructor(
    private readonly book: XlsxWorkbookWriter,
    private readonly entry: ZipEntryStream,
    readonly index: number,
    readonly path: string,
    private readonly options: XlsxSheetOptions,
    private readonly onEnd: () => void,
  ) {
    this.buffer = this.headXml();
  }

  /** The number of the last row written (1-based); 0 before the first. */
  get lastRow(): number {
    return this.rowNumber;
  }

  /**
   * Writes the next row. `styles` is one style id for every cell or one per cell (from
   * `book.styles.id(...)`); a null value with a style writes an empty styled cell, without one nothing.
   */
  addRow(values: readonly XlsxValue[], styles: number | readonly number[] = 0, options: XlsxRowOptions = {}): number {
    if (this.ended) throw new Error(`Sheet ${this.index} has ended.`);
    const r = (this.rowNumber += 1);
    if (values.length === 0) return r;
    let xml = options.height ? `<row r="${r}" ht="${options.height}" customHeight="1">` : `<row r="${r}">`;
    for (let i = 0; i < values.length; i += 1) {
      const s = typeof styles === "number" ? styles : (styles[i] ?? 0);
      const value = values[i];
      const ref = columnName(i + 1) + r;
      const style = s ? ` s="${s}"` : "";
      if (value === null || value === undefined) {
        if (s) xml += `<c r="${ref}"${style}/>`;
      } else if (typeof value === "number") {
        xml += Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : `<c r="${ref}"${style}/>`;
      } else if (value instanceof Date) {
        xml += `<c r="${ref}"${style}><v>${excelSerial(value)}</v></c>`;
      } else {
        xml += `<c r="${ref}"${style} t="str"><v>${xmlText(value)}</v></c>`;
      }
    }
    this.buffer += `${xml}</row>`;
    return r;
  }

  /** Merges a rectangle of cells, 1-based (row, column) corners. */
  mergeCells(top: number, left: number, bottom: number, right: number): void {
    this.merges.push(`${columnName(left)}${top}:${columnName(right)}${bottom}`);
  }

  /** Places a drawing (from book.addDrawing) on this sheet: its charts show over the cells. */
  setDrawing(drawingPath: string): void {
    this.drawingId = this.addRelationship(RELATIONSHIP_TYPES.drawing, drawingPath);
  }

  /** A relationship of this sheet to another part; answers its id ("rId1"). */
  addRelationship(type: string, target: string): string {
    const id = `rId${this.rels.length + 1}`;
    this.rels.push({ id, type, target });
    return id;
  }

  /** Hands the buffered rows to the zip once there are enough; waits while the receiver is full. */
  async flush(force = false): Promise<void> {
    if (this.buffer.length >= FLUSH_AT || (force && this.buffer.length > 0)) {
      const text = this.buffer;
      this.buffer = "";
      await this.entry.write(text);
    } else {
      await this.book.writable();
    }
  }

  /** Ends the sheet (the workbook does it when the next sheet starts or the workbook finishes). */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.buffer += `</sheetData>${this.tailXml()}</worksheet>`;
    const text = this.buffer;
    this.buffer = "";
    await this.entry.write(text);
    await this.entry.end();
    if (this.rels.length > 0) {
      this.book.addPart(this.path.replace(/([^/]+)$/, "_rels/$1.rels"), relationshipsXml(this.rels));
    }
    this.onEnd();
    await this.book.writable();
  }

  private headXml(): string {
    const { columns = [], frozen, page } = this.options;
    const fit = page?.fitToWidth !== undefined || page?.fitToHeight !== undefined;
    let xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
    if (fit) xml += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    xml += `<sheetViews><sheetView workbookViewId="0"${this.index === 1 ? ' tabSelected="1"' : ""}>`;
    const x = frozen?.columns ?? 0;
    const y = frozen?.rows ?? 0;
    if (x || y) {
      const pane = x && y ? "bottomRight" : y ? "bottomLeft" : "topRight";
      xml +=
        `<pane${x ? ` xSplit="${x}"` : ""}${y ? ` ySplit="${y}"` : ""} topLeftCell="${columnName(x + 1)}${y + 1}" ` +
        `activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
    }
    xml += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
    if (columns.length > 0) {
      xml += `<cols>${columns.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`;
    }
    return `${xml}<sheetData>`;
  }

  private tailXml(): string {
    const { page } = this.options;
    let xml = "";
    if (this.merges.length > 0) {
      xml += `<mergeCells count="${this.merges.length}">${this.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`;
    }
    xml += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    if (page) {
      xml +=
        "<pageSetup" +
        (page.paperSize ? ` paperSize="${page.paperSize}"` : "") +
        (page.landscape ? ' orientation="landscape"' : "") +
        (page.fitToWidth !== undefined ? ` fitToWidth="${page.fitToWidth}"` : "") +
        (page.fitToHeight !== undefined ? ` fitToHeight="${page.fitToHeight}"` : "") +
        "/>";
    }
    if (this.drawingId) xml += `<drawing r:id="${this.drawingId}"/>`;
    return xml;
  }
}
