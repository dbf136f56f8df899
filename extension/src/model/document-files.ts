import { unzipSync } from "fflate";
import type { ApiDocument } from "../api/api-types.js";
import { safeFileName, uniqueFileName } from "./file-naming.js";

/** The bytes of a Document, checked against the size the server announced (a truncated answer fails). */
export function documentBytes(doc: ApiDocument): Buffer {
  const bytes = Buffer.from(doc.contentBase64, "base64");
  if (bytes.length !== doc.byteSize) {
    throw new Error(`${doc.fileName}: received ${bytes.length} bytes, the server announced ${doc.byteSize}.`);
  }
  return bytes;
}

export interface NamedFile {
  name: string;
  bytes: Buffer;
}

/**
 * The files inside a .zip Document (apologyLetters), flattened to safe, unique names so that they
 * can be written into one folder; names already in that folder are avoided too.
 */
export async function filesOfArchive(zipBytes: Buffer, existing: ReadonlySet<string> = new Set()): Promise<NamedFile[]> {
  // The letters are stored, not deflated (a .docx is already deflated): unzipping is a copy.
  const entries = Object.entries(unzipSync(zipBytes))
    .filter(([path]) => !path.endsWith("/"))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Set(existing);
  const files: NamedFile[] = [];
  for (const [path, bytes] of entries) {
    const name = uniqueFileName(safeFileName(path), taken);
    taken.add(name);
    files.push({ name, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  }
  return files;
}

/** Whether a Document is a zip of several files rather than one file to save as is. */
export function isArchive(doc: Pick<ApiDocument, "fileName" | "mimeType">): boolean {
  return doc.mimeType === "application/zip" || doc.fileName.toLowerCase().endsWith(".zip");
}
