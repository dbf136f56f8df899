import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
} from "docx";
import { FONT, MARGIN_MM, SIZE_11, SIZE_12, SIZE_13, SIZE_14, TEXT_WIDTH, centered, run } from "./letter-style.js";

/**
 * Layout blocks of Decree 30/2020/NĐ-CP, Appendix I, shared by every letter: the two-column
 * header, the title, Kính gửi, the body paragraphs, the Nơi nhận / signature row, and the page
 * around them (A4 portrait, the margins, page numbers from page 2).
 */

// The right column must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in 12 pt bold on one line (about 91 mm).
const HEADER_LEFT = convertMillimetersToTwip(72);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const FIRST_LINE_INDENT = convertMillimetersToTwip(12.7);
/** 6 pt in twips: Decree 30's minimum spacing between paragraphs. */
const PARAGRAPH_SPACING = 120;

export interface Decree30Header {
  parentAgency: string;
  agency: string;
  /** The whole number line after "Số: ", e.g. "12/PXL-ĐT" or "     /TB-BQL". */
  number: string;
  /** A công văn's "V/v …" line under the number; absent for forms with a title. */
  subject?: string;
  nationalName: string;
  motto: string;
  placeAndDate: string;
}

export interface Decree30Signature {
  /** "KT. TRƯỞNG BAN"; empty when the head signs in person. */
  authority: string;
  title: string;
  name: string;
  /** Lines of "Nơi nhận:", without the leading dash. */
  recipients: string[];
}

/**
 * The short solid rule drawn under the issuing agency: a paragraph border over an empty line
 * indented from both sides, so it stays centred under the name whatever the cell's width.
 */
function rule(cellWidth: number, ruleWidth: number): Paragraph {
  const indent = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: 0, after: 0, line: 120 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [run("", { size: 4 })],
  });
}

function plainCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0 },
    verticalAlign: VerticalAlignTable.TOP,
    children,
  });
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftWidth: number): Table {
  const rightWidth = TEXT_WIDTH - leftWidth;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [plainCell(leftWidth, left), plainCell(rightWidth, right)] })],
  });
}

/** Ô số 1–5 of Appendix I: agencies and number on the left, national header and date on the right. */
export function headerBlock(h: Decree30Header): Table {
  const left = [
    centered(h.parentAgency.toUpperCase(), { size: SIZE_12 }),
    centered(h.agency.toUpperCase(), { size: SIZE_13, bold: true }),
    rule(HEADER_LEFT, convertMillimetersToTwip(25)),
    centered(`Số: ${h.number}`, { size: SIZE_13 }),
  ];
  if (h.subject) left.push(centered(h.subject, { size: SIZE_12 }));
  const right = [
    centered(h.nationalName.toUpperCase(), { size: SIZE_12, bold: true }),
    centered(h.motto, { size: SIZE_13, bold: true, underline: true }, 240),
    centered(h.placeAndDate, { size: SIZE_13, italics: true }),
  ];
  return twoColumns(left, right, HEADER_LEFT);
}

/** A form's title (bold, 14 pt, centred), with room above and below. */
export function titleBlock(title: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 360, after: 240 },
    children: [run(title.toUpperCase(), { bold: true, size: SIZE_14 })],
  });
}

/** "Kính gửi: …" on one line, centred. */
export function salutationLine(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 240 },
    children: [run(text, { size: SIZE_14 })],
  });
}

/**
 * "Kính gửi:" followed by one line per addressee, as Decree 30 writes several: the dashes
 * aligned one under the other after the label (a hanging indent), ";" after each but the last.
 * A single addressee stands on the label's line, without a dash.
 */
export function salutationList(label: string, names: string[]): Paragraph[] {
  if (names.length === 1) return [salutationLine(`${label} ${names[0]}.`)];
  const labelStart = convertMillimetersToTwip(20);
  const labelWidth = convertMillimetersToTwip(24);
  return names.map((name, i) => {
    const last = i === names.length - 1;
    const line = run(`- ${name}${last ? "." : ";"}`);
    return new Paragraph({
      indent: { left: labelStart + labelWidth, hanging: i === 0 ? labelWidth : 0 },
      spacing: { before: i === 0 ? 240 : 0, after: last ? 240 : 0 },
      children: i === 0 ? [run(label), new TextRun({ children: [new Tab()] }), line] : [line],
    });
  });
}

/**
 * A body paragraph: justified, first-line indent, 6 pt after. `keepNext` holds it on the page of
 * what follows: the last paragraph goes with the signature, so a signature never stands alone.
 */
export function bodyParagraph(text: string, options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: 0, after: PARAGRAPH_SPACING, line: 288 },
    keepNext: options.keepNext,
    children: [run(text)],
  });
}

/** The closing paragraphs, kept together with the signature block that follows them. */
export function closingParagraphs(texts: string[]): Paragraph[] {
  return [...texts.map((text) => bodyParagraph(text, { keepNext: true })), spacer(240, true)];
}

/** Ô số 7–9: Nơi nhận on the left, the authority, title and name on the right. */
export function signatureBlock(s: Decree30Signature): Table {
  const recipients = [
    new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [run("Nơi nhận:", { bold: true, italics: true, size: SIZE_12 })],
    }),
    ...s.recipients.map(
      (line) =>
        new Paragraph({
          spacing: { before: 0, after: 0 },
          children: [run(`- ${line}`, { size: SIZE_11 })],
        }),
    ),
  ];
  const signer: Paragraph[] = [];
  if (s.authority) signer.push(centered(s.authority.toUpperCase(), { bold: true, size: SIZE_14 }));
  signer.push(centered(s.title.toUpperCase(), { bold: true, size: SIZE_14 }));
  // Room for the signature and the seal: Decree 30 leaves it blank, about four lines.
  for (let i = 0; i < 4; i += 1) signer.push(centered("", { size: SIZE_14 }));
  signer.push(centered(s.name, { bold: true, size: SIZE_14 }));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      // Never split: a name alone at the top of a page, away from its title, is not a signature block.
      new TableRow({
        cantSplit: true,
        children: [plainCell(HEADER_LEFT, recipients), plainCell(HEADER_RIGHT, signer)],
      }),
    ],
  });
}

/** An empty line between blocks. */
export function spacer(after = 120, keepNext = false): Paragraph {
  return new Paragraph({ spacing: { before: 0, after }, keepNext, children: [run("", { size: SIZE_12 })] });
}

/**
 * The document around the blocks: A4 portrait, Decree 30 margins, Times New Roman as the default,
 * and the page number centred at the top from page 2 (the first page's header is left empty).
 */
export async function packDecree30(title: string, children: FileChild[]): Promise<Buffer> {
  const pageNumberHeader = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE_13 })],
      }),
    ],
  });
  const doc = new Document({
    title: title.normalize("NFC"),
    creator: "CCHC Tracker",
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE_14 }, paragraph: { spacing: { after: 0 } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(MARGIN_MM.top),
              bottom: convertMillimetersToTwip(MARGIN_MM.bottom),
              left: convertMillimetersToTwip(MARGIN_MM.left),
              right: convertMillimetersToTwip(MARGIN_MM.right),
              header: convertMillimetersToTwip(10),
              footer: convertMillimetersToTwip(10),
            },
          },
        },
        headers: { default: pageNumberHeader, first: new Header({ children: [new Paragraph({})] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
