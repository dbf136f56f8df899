import { xmlText } from "./xml-text.js";

/**
 * The cell styles of a workbook, registered as cells ask for them and written as xl/styles.xml
 * when the workbook ends (the zip's entries may come in any order). A style is a plain value;
 * the same value always gets the same index.
 */
export interface XlsxFont {
  name: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
}

export interface XlsxCellStyle {
  font?: XlsxFont;
  /** A solid fill, as ARGB ("FFD9E1F2"). */
  fill?: string;
  /** A thin border on all four sides. */
  box?: boolean;
  /** A number format code ("0.0%", "dd/mm/yyyy hh:mm"). */
  numFmt?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  wrapText?: boolean;
}

const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';
const FIRST_CUSTOM_FORMAT = 164;

export class XlsxStyles {
  private readonly fonts = [DEFAULT_FONT];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly formats: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly ids = new Map<string, number>();

  /** The index a cell's `s` attribute names; 0 is the default style. */
  id(style: XlsxCellStyle | undefined): number {
    if (!style) return 0;
    const key = JSON.stringify(style);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const fontId = style.font ? indexOf(this.fonts, fontXml(style.font)) : 0;
    const fillId = style.fill ? indexOf(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/></patternFill></fill>`) : 0;
    const numFmtId = style.numFmt ? FIRST_CUSTOM_FORMAT + indexOf(this.formats, style.numFmt) : 0;
    const borderId = style.box ? 1 : 0;
    const align = alignmentXml(style);
    const flags =
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (align ? ' applyAlignment="1"' : "");
    const attributes = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${flags}`;
    const id = this.xfs.push(align ? `<xf ${attributes}>${align}</xf>` : `<xf ${attributes}/>`) - 1;
    this.ids.set(key, id);
    return id;
  }

  xml(): string {
    const formats = this.formats
      .map((code, i) => `<numFmt numFmtId="${FIRST_CUSTOM_FORMAT + i}" formatCode="${xmlText(code)}"/>`)
      .join("");
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats ? `<numFmts count="${this.formats.length}">${formats}</numFmts>` : "") +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

function indexOf(list: string[], item: string): number {
  const at = list.indexOf(item);
  return at >= 0 ? at : list.push(item) - 1;
}

function fontXml(font: XlsxFont): string {
  return `<font>${font.bold ? "<b/>" : ""}${font.italic ? "<i/>" : ""}<sz val="${font.size}"/><name val="${xmlText(font.name)}"/></font>`;
}

function alignmentXml(style: XlsxCellStyle): string {
  const parts =
    (style.horizontal ? ` horizontal="${style.horizontal}"` : "") +
    (style.vertical ? ` vertical="${style.vertical}"` : "") +
    (style.wrapText ? ' wrapText="1"' : "");
  return parts ? `<alignment${parts}/>` : "";
}
