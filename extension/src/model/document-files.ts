import type { ApiDocument } from "../api/api-types.js";

/** Whether a Document is a zip of several files rather than one file to save as is. */
export function isArchive(doc: Pick<ApiDocument, "fileName" | "mimeType">): boolean {
  return doc.mimeType === "application/zip" || doc.fileName.toLowerCase().endsWith(".zip");
}
