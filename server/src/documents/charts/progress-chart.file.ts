import type { DataSource } from "typeorm";
import type { Directive } from "../../entities/directive.entity.js";
import { MIME_TYPES, progressChartFileName, type DocumentFile } from "../document-file.js";
import { downloadPathOf, writeBytes, type StreamedDocument } from "../streamed-document.js";
import { progressChartData } from "./progress-chart.data.js";
import { renderProgressSvg } from "./progress-chart.svg.js";

/** The progress chart as the SVG file the Markdown report links (same name, same day). */
export async function progressChartFile(db: DataSource, directive: Directive, asOf: Date): Promise<DocumentFile> {
  return {
    fileName: progressChartFileName(asOf),
    mimeType: MIME_TYPES.svg,
    content: Buffer.from(renderProgressSvg(await progressChartData(db, directive, asOf)), "utf8"),
  };
}

/** The same chart as a document: Document.downloadPath and GET /documents/compliance-report-chart serve it. */
export function progressChartDocument(db: DataSource, directive: Directive, asOf: Date): StreamedDocument {
  return {
    fileName: progressChartFileName(asOf),
    mimeType: MIME_TYPES.svg,
    downloadPath: downloadPathOf("/documents/compliance-report-chart", { directiveId: String(directive.id), asOf: asOf.toISOString() }),
    write: async (output) => writeBytes(output, (await progressChartFile(db, directive, asOf)).content),
  };
}
