import { randomInt } from "node:crypto";
import type { Table } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { escapeText, packPart, zipParts } from "./docx-parts.js";
import { gridTable, type GridOptions } from "./letter-tables.js";

/** Where a letter gets its grid tables, and how its packed bytes become the final letter. */
export interface GridTables {
  table(headers: string[], rows: string[][], widthsMm: number[], options?: GridOptions): Table;
  finish(docx: Buffer): Buffer;
}

/** Every row through docx's object model: the plain way, and the reference TextRowTables must equal. */
export const docxGridTables: GridTables = { table: gridTable, finish: (docx) => docx };

/**
 * Grid tables whose body rows are written as text into docx's document.xml, not built as docx
 * objects: a reminder's appendix of ~6,000 rows through docx took its server from 170 to 535 MiB
 * at 1,000,000 cases. docx lays out the table with ONE body row whose cells hold markers; that
 * row's XML is then the template of every real row, the markers replaced by the escaped cell texts
 * (NFC as `run` writes them). The header row, cantSplit, the widths, each column's alignment all
 * come from docx as before; test/server/documents/text-rows.test.ts holds document.xml byte-equal.
 *
 * A marker is private-use characters around a number drawn for this letter, the table's and the
 * column's index and an "x" (an upper-casing layout would make it "X", as in docx-template.ts). The
 * drawn number (digits, which upper-casing leaves alone) is why a unit's name or a case's text that
 * happened to hold marker-like characters elsewhere in document.xml cannot be taken for a marker row.
 */
export class TextRowTables implements GridTables {
  /** Each marked table's real body rows, in the order the tables were made (the order of document.xml). */
  private readonly bodies: string[][][] = [];
  private readonly drawn = String(randomInt(1e9)).padStart(9, "0");
  private readonly markers = new RegExp(`\uE000${this.drawn}\\.(\\d+)\\.(\\d+)([xX])\uE001`, "g");

  private marker(table: number, column: number): string {
    return `\uE000${this.drawn}.${table}.${column}x\uE001`;
  }

  table(headers: string[], rows: string[][], widthsMm: number[], options?: GridOptions): Table {
    const columns = rows[0]?.length ?? 0;
    // No row (the table is docx's as it is), or rows of different lengths one template cannot stand for.
    if (rows.length === 0 || rows.some((r) => r.length !== columns)) return gridTable(headers, rows, widthsMm, options);
    const index = this.bodies.push(rows) - 1;
    const markerRow = Array.from({ length: columns }, (_, c) => this.marker(index, c));
    return gridTable(headers, [markerRow], widthsMm, options);
  }

  /** The letter with each marker row replaced by its table's rows; every other part as docx wrote it. */
  finish(docx: Buffer): Buffer {
    if (this.bodies.length === 0) return docx;
    const parts = Object.entries(unzipSync(docx));
    return zipParts(parts.map(([name, bytes]) => packPart(name, name === "word/document.xml" ? this.fill(strFromU8(bytes)) : bytes)));
  }

  /** document.xml with the rows written in; built as one Buffer per row, never as one huge string. */
  private fill(xml: string): Buffer {
    const out: Buffer[] = [];
    let from = 0;
    this.bodies.forEach((rows, index) => {
      const at = xml.indexOf(`\uE000${this.drawn}.${index}.`, from);
      const start = at < 0 ? -1 : xml.lastIndexOf("<w:tr>", at);
      const end = at < 0 ? -1 : xml.indexOf("</w:tr>", at) + "</w:tr>".length;
      if (at < 0 || start < from || end < at) throw new Error(`The marker row of table ${index} is not in document.xml`);
      out.push(Buffer.from(xml.slice(from, start)));
      // [text, table, column, x, text, table, column, x, …, text]: the row's XML between its markers.
      const pieces = xml.slice(start, end).split(this.markers);
      for (const cells of rows) {
        let row = pieces[0];
        for (let k = 1; k < pieces.length; k += 4) {
          if (Number(pieces[k]) !== index) throw new Error(`A marker of table ${pieces[k]} in the row of table ${index}`);
          const text = cells[Number(pieces[k + 1])];
          row += escapeText((pieces[k + 2] === "X" ? text.toUpperCase() : text).normalize("NFC")) + pieces[k + 3];
        }
        out.push(Buffer.from(row));
      }
      from = end;
    });
    out.push(Buffer.from(xml.slice(from)));
    return Buffer.concat(out);
  }
}
