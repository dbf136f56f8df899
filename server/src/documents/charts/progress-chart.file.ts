import type { DataSource } from "typeorm";
import type { Directive } from "../../entities/directive.entity.js";
import { MIME_TYPES, progressChartFileName, type DocumentFile } from "../document-file.js";
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
