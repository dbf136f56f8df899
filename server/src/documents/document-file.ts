import { vietnamDayOf } from "../domain/vietnam-time.js";

/** A generated file before it is sent: as GraphQL's Document (base64) or as an HTTP download. */
export interface DocumentFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

export const MIME_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  zip: "application/zip",
  svg: "image/svg+xml",
} as const;

export type DocumentExtension = keyof typeof MIME_TYPES;

/**
 * A key as a file-name part every system accepts: Vietnamese letters lose their marks (Đ → D),
 * anything but letters, digits, dot, dash and underscore becomes a dash. Zip tools and
 * Content-Disposition on old clients mangle anything else.
 */
export function fileNamePart(key: string): string {
  const ascii = key
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
  const safe = ascii.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  return safe || "_";
}

export const apologyFileName = (caseCode: string): string => `xin-loi-${fileNamePart(caseCode)}.docx`;

export function apologyZipFileName(directiveNumber: string, unitCode?: string | null): string {
  const unit = unitCode ? `-${fileNamePart(unitCode)}` : "";
  return `xin-loi-${fileNamePart(directiveNumber)}${unit}.zip`;
}

export const reminderFileName = (asOf: Date): string => `don-doc-${vietnamDayOf(asOf)}.docx`;

export const reportFileName = (asOf: Date, extension: "xlsx" | "csv" | "md"): string =>
  `bao-cao-tuan-thu-${vietnamDayOf(asOf)}.${extension}`;

/** The progress chart saved beside the Markdown report, which links it by this name. */
export const progressChartFileName = (asOf: Date): string => `bao-cao-tuan-thu-${vietnamDayOf(asOf)}-tien-do.svg`;
