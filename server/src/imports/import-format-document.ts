import type { DataSource } from "typeorm";
import { MIME_TYPES } from "../documents/document-file.js";
import { chunked, writeText } from "../documents/stream-output.js";
import { downloadPathOf, type StreamedDocument } from "../documents/streamed-document.js";
import type { ImportKind } from "./import-columns.js";
import type { ResolvedExport } from "./export-scope.js";
import { importFormatCsv, importFormatFileName } from "./import-format-export.js";

/**
 * An export in the import format as a document: exportForImport's Document and GET /exports/… both
 * stream it page by page from the database (writeText waits on the receiver and stops, releasing
 * the reads, when it goes away rather than waiting for a drain that never comes).
 */
export function importFormatDocument(db: DataSource, kind: ImportKind, { directive, unit, scope }: ResolvedExport): StreamedDocument {
  return {
    fileName: importFormatFileName(kind, directive.number, unit?.code),
    mimeType: MIME_TYPES.csv,
    downloadPath: downloadPathOf(`/exports/${kind}.csv`, { directiveId: String(directive.id), unitCode: unit?.code }),
    write: (output) => writeText(chunked(importFormatCsv(db, kind, scope)), output),
  };
}
