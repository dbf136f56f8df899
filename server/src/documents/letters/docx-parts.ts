import { crc32, deflateRawSync } from "node:zlib";
import { Zip, type ZipInputFile } from "fflate";

/**
 * What the letters that rewrite docx's output share (docx-template.ts, text-rows.ts): text
 * escaped exactly as docx escapes it, so a rewritten document.xml is byte-equal to docx's own, and
 * a .docx zipped again from its parts, deflated by Node's native zlib (several times faster than
 * deflating in JavaScript, which counts for a document.xml of megabytes).
 */

/** Escaping as docx writes text: the XML specials including quotes, control characters dropped. */
const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };

export function escapeText(value: string): string {
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? "");
}

/** A zip entry's deflated data with what the zip's directory needs about the original. */
export interface PackedPart {
  name: string;
  size: number;
  crc: number;
  deflated: Buffer;
}

export function packPart(name: string, bytes: Uint8Array): PackedPart {
  return { name, size: bytes.length, crc: crc32(bytes), deflated: deflateRawSync(bytes) };
}

/** The .docx (a zip) of `parts`, in their order. */
export function zipParts(parts: Iterable<PackedPart>): Buffer {
  const chunks: Buffer[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });
  for (const packed of parts) {
    // An entry whose data is already deflated: fflate writes the headers, the data goes in as is.
    const entry: ZipInputFile = { filename: packed.name, size: packed.size, crc: packed.crc, compression: 8 };
    zip.add(entry);
    // A Buffer over a plain ArrayBuffer (zlib never hands out shared memory).
    entry.ondata?.(null, packed.deflated as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}
