import { AlignmentType, Paragraph, TextRun, convertMillimetersToTwip } from "docx";

/**
 * What every letter block shares: the page geometry of Decree 30/2020 (A4, margins 20/20/30/15 mm),
 * Times New Roman, and sizes in half-points (docx's unit: 26 = 13 pt).
 */
export const FONT = "Times New Roman";
export const SIZE_11 = 22;
export const SIZE_12 = 24;
export const SIZE_13 = 26;
export const SIZE_14 = 28;

export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 };
/** A4 width 210 mm less the left and right margins. */
export const TEXT_WIDTH = convertMillimetersToTwip(210 - MARGIN_MM.left - MARGIN_MM.right);

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

/** A run of text in the letter's font, NFC-normalised (decomposed Vietnamese renders badly in Word). */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: text.normalize("NFC"),
    font: FONT,
    size: style.size ?? SIZE_14,
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? {} : undefined,
  });
}

export function centered(text: string, style: RunStyle, spacingAfter = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: spacingAfter },
    children: [run(text, style)],
  });
}
