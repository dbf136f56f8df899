import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from "docx";
import { SIZE_13, SIZE_14, TEXT_WIDTH, centered, run } from "./letter-style.js";

/** Tables and appendix blocks of the letters: bordered grids of figures or items, and their headings. */
export interface GridOptions {
  /** Columns (0-based) whose body cells read left-aligned (names, titles); the rest are centred. */
  leftColumns?: number[];
  /** Font size in half-points; 13 pt by default. */
  size?: number;
}

/** A grid table: bold header row repeated on each page, every cell bordered, rows never split. */
export function gridTable(headers: string[], rows: string[][], widthsMm: number[], options: GridOptions = {}): Table {
  const left = new Set(options.leftColumns ?? [1]);
  const size = options.size ?? SIZE_13;
  const widths = widthsMm.map((mm) => convertMillimetersToTwip(mm));
  const scale = TEXT_WIDTH / widths.reduce((a, b) => a + b, 0);
  const scaled = widths.map((w) => Math.floor(w * scale));
  const cell = (text: string, i: number, header: boolean): TableCell =>
    new TableCell({
      width: { size: scaled[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          alignment: left.has(i) && !header ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: { before: 0, after: 0 },
          children: [run(text, { bold: header, size })],
        }),
      ],
    });
  const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: scaled,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

/** An appendix's opening on a new page: "Phụ lục", its title in bold capitals, the italic reference line. */
export function appendixHeading(heading: string, title: string, subtitle: string): Paragraph[] {
  const blocks = [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0 },
      children: [run(heading, { bold: true, size: SIZE_14 })],
    }),
    centered(title.toUpperCase(), { bold: true, size: SIZE_14 }),
  ];
  if (subtitle) blocks.push(centered(subtitle, { italics: true, size: SIZE_13 }, 240));
  return blocks;
}

/** A bold line introducing a list or a table, e.g. a unit's name in an appendix. */
export function labelLine(text: string, size = SIZE_13): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 180, after: 60 },
    children: [run(text, { bold: true, size })],
  });
}

/** A plain line before a table (e.g. "Hồ sơ … chưa xin lỗi:"), kept with the table. */
export function leadLine(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 60, after: 60 },
    children: [run(text, { italics: true, size: SIZE_13 })],
  });
}
