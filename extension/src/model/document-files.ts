import JSZip from "jszip";
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
  const zip = await JSZip.loadAsync(zipBytes);
  const taken = new Set(existing);
  const files: NamedFile[] = [];
  const entries = Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const name = uniqueFileName(safeFileName(entry.name), taken);
    taken.add(name);
    files.push({ name, bytes: await entry.async("nodebuffer") });
  }
  return files;
}

/** Whether a Document is a zip of several files rather than one file to save as is. */
export function isArchive(doc: Pick<ApiDocument, "fileName" | "mimeType">): boolean {
  return doc.mimeType === "application/zip" || doc.fileName.toLowerCase().endsWith(".zip");
}
