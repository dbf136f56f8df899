import type { Writable } from "node:stream";
import { ZipOutput } from "../zip-output.js";
import { XlsxSheet, type XlsxSheetOptions } from "./xlsx-sheet.js";
import { XlsxStyles } from "./xlsx-styles.js";
import { CONTENT_TYPES, PKG_REL_NS, RELATIONSHIP_TYPES, relationshipsXml } from "./xlsx-parts.js";
import { xmlText } from "./xml-text.js";

/**
 * A streaming SpreadsheetML (.xlsx) writer: sheets are written one after another, row by row,
 * deflated by zlib (a stream, on libuv's thread pool) into a zip (zip-output.ts) that goes straight to `output` with its backpressure honoured, so
 * memory holds a few tens of kilobytes of XML whatever the number of rows. The small parts
 * (workbook, styles, content types, relationships, anything added with addPart: drawings, charts)
 * are written once the last sheet ends, when every sheet, style and part is known.
 *
 * Written by hand rather than with exceljs's WorkbookWriter: that one builds an object per cell
 * and per style and took 9–11 s for a 100,000-row report; this writes the XML text directly.
 */
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Deflate level: 6 (zlib's default) costs about twice level 1's time for a few percent of size. */
const LEVEL = 3;

export interface XlsxWorkbookOptions {
  creator?: string;
  /** Stored as the workbook's creation date and as every zip entry's time (a fixed input gives fixed bytes). */
  created?: Date;
}

export class XlsxWorkbookWriter {
  readonly styles = new XlsxStyles();
  private readonly zip: ZipOutput;
  private readonly sheets: { name: string; path: string }[] = [];
  private readonly parts: { path: string; data: Uint8Array; contentType?: string }[] = [];
  private current: XlsxSheet | null = null;
  private readonly created: Date;
  private drawings = 0;
  private charts = 0;

  constructor(
    output: Writable,
    private readonly options: XlsxWorkbookOptions = {},
  ) {
    this.created = options.created ?? new Date();
    this.zip = new ZipOutput(output);
  }

  /** Starts the next sheet; the one before it ends first. Sheet names: up to 31 characters, none of []:*?/\. */
  async addSheet(name: string, options: XlsxSheetOptions = {}): Promise<XlsxSheet> {
    if (this.current) await this.current.end();
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new Error(`"${name}" cannot name an Excel sheet.`);
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`Two sheets are named "${name}".`);
    const index = this.sheets.length + 1;
    const path = `xl/worksheets/sheet${index}.xml`;
    this.sheets.push({ name, path });
    const entry = this.zip.stream(path, { level: LEVEL, mtime: this.created });
    this.current = new XlsxSheet(this, entry, index, path, options, () => {
      this.current = null;
    });
    return this.current;
  }

  /**
   * A part written with the workbook's metadata: `path` inside the zip ("xl/charts/chart1.xml"),
   * its content type when the part needs an Override in [Content_Types].xml.
   */
  addPart(path: string, content: string | Uint8Array, contentType?: string): void {
    this.parts.push({ path, data: typeof content === "string" ? Buffer.from(content, "utf8") : content, contentType });
  }

  /** A chart part (DrawingML chart XML); answers its path relative to a drawing ("../charts/chart1.xml"). */
  addChart(chartXml: string): string {
    this.charts += 1;
    this.addPart(`xl/charts/chart${this.charts}.xml`, chartXml, CONTENT_TYPES.chart);
    return `../charts/chart${this.charts}.xml`;
  }

  /**
   * A drawing part (xdr:wsDr XML) with its relationships ({ rId1: "../charts/chart1.xml" }, all of
   * chart type); answers its path relative to a sheet, for XlsxSheet.setDrawing.
   */
  addDrawing(drawingXml: string, chartTargets: Record<string, string> = {}): string {
    this.drawings += 1;
    const name = `drawing${this.drawings}.xml`;
    this.addPart(`xl/drawings/${name}`, drawingXml, CONTENT_TYPES.drawing);
    const rels = Object.entries(chartTargets).map(([id, target]) => ({ id, type: RELATIONSHIP_TYPES.chart, target }));
    if (rels.length > 0) this.addPart(`xl/drawings/_rels/${name}.rels`, relationshipsXml(rels));
    return `../drawings/${name}`;
  }

  /** Rejects when the receiver went away or failed; waits while it cannot take more. */
  writable(): Promise<void> {
    return this.zip.writable();
  }

  /** Ends the last sheet, writes the metadata parts and ends `output`; resolves once it is flushed. */
  async finish(): Promise<void> {
    if (this.current) await this.current.end();
    if (this.sheets.length === 0) throw new Error("A workbook needs at least one sheet.");
    const put = (path: string, content: string | Uint8Array) => {
      this.zip.add(path, typeof content === "string" ? Buffer.from(content, "utf8") : content, { level: LEVEL, mtime: this.created });
    };
    put("[Content_Types].xml", this.contentTypesXml());
    put("_rels/.rels", relationshipsXml([
      { id: "rId1", type: `${REL_NS}/officeDocument`, target: "xl/workbook.xml" },
      { id: "rId2", type: `${PKG_REL_NS}/metadata/core-properties`, target: "docProps/core.xml" },
    ]));
    put("docProps/core.xml", this.coreXml());
    put("xl/workbook.xml", this.workbookXml());
    put("xl/_rels/workbook.xml.rels", relationshipsXml([
      ...this.sheets.map((s, i) => ({ id: `rId${i + 1}`, type: `${REL_NS}/worksheet`, target: s.path.replace("xl/", "") })),
      { id: `rId${this.sheets.length + 1}`, type: `${REL_NS}/styles`, target: "styles.xml" },
    ]));
    put("xl/styles.xml", this.styles.xml());
    for (const part of this.parts) put(part.path, part.data);
    await this.zip.finish();
  }

  /** Stops writing (a source failed, the receiver left): the receiver gets a cut stream, never a file that looks whole. */
  abort(error: Error): void {
    this.zip.abort(error);
  }

  private contentTypesXml(): string {
    const overrides = [
      ["/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"],
      ["/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"],
      ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
      ...this.sheets.map((s) => [`/${s.path}`, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"]),
      ...this.parts.filter((p) => p.contentType).map((p) => [`/${p.path}`, p.contentType as string]),
    ];
    return (
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      overrides.map(([part, type]) => `<Override PartName="${xmlText(part)}" ContentType="${type}"/>`).join("") +
      "</Types>"
    );
  }

  private workbookXml(): string {
    const sheets = this.sheets
      .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("");
    return (
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<workbookPr/><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets><calcPr calcId="171027"/></workbook>`
    );
  }

  private coreXml(): string {
    const when = this.created.toISOString().replace(/\.\d{3}Z$/, "Z");
    return (
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>${xmlText(this.options.creator ?? "")}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
      "</cp:coreProperties>"
    );
  }
}

export { CONTENT_TYPES, RELATIONSHIP_TYPES } from "./xlsx-parts.js";
