import { ServerResponse } from "node:http";
import type { Writable } from "node:stream";
import { collect, endOutput, type Collected } from "./stream-output.js";

/**
 * A document before it is produced: its name and type, the GET path that streams it, and how to
 * write it into a stream. The GraphQL Document and the HTTP download both start from one of these,
 * so they give the same bytes; nothing is generated until a client asks for the bytes or the size.
 */
export interface StreamedDocument {
  fileName: string;
  mimeType: string;
  /** A path on this server ("/documents/apology-letters?directiveId=1") that streams the same file over GET. */
  downloadPath: string;
  /** Writes the file into `output` and ends it; rejects (and stops) when the receiver goes away. */
  write(output: Writable): Promise<unknown>;
  /** A size the file cannot be smaller than, when it is cheap to know (a COUNT): lets a too-big file be refused before it is built. */
  sizeAtLeast?(): Promise<number>;
}

/** The contract's limit for Document.contentBase64: larger files are downloaded from downloadPath. */
export const INLINE_LIMIT_BYTES = 32 * 1024 * 1024;

/** A path under this server with its query parameters (null ones left out), encoded. */
export function downloadPathOf(path: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== null && value !== undefined) query.set(name, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Writes bytes already built (a single letter) into `output` and ends it. */
export async function writeBytes(output: Writable, bytes: Buffer): Promise<void> {
  // An HTTP response learns the length up front (a client can show real progress).
  if (output instanceof ServerResponse && !output.headersSent) output.setHeader("Content-Length", String(bytes.length));
  output.write(bytes);
  await endOutput(output);
}

/**
 * The size and (up to the limit) the bytes of a document, produced once per GraphQL request
 * whichever of byteSize and contentBase64 are asked. Both field resolvers register what they
 * need in the same tick and the file is produced on the next one:
 * - the bytes only: production stops as soon as the limit is passed;
 * - the size only: the file is written into a counting sink that keeps no byte (a file of any size
 *   is counted in the memory of its generation, never held);
 * - both: the bytes are kept up to the limit and the rest is counted and dropped, one pass.
 * A file known to be over the limit beforehand (sizeAtLeast) is not built for its bytes.
 */
export class InlineContent {
  private wantsSize = false;
  private wantsContent = false;
  private run: Promise<Collected & { complete: boolean }> | null = null;

  constructor(
    readonly document: StreamedDocument,
    private readonly limit = INLINE_LIMIT_BYTES,
  ) {}

  async size(): Promise<number> {
    this.wantsSize = true;
    const result = await this.produce();
    if (result.complete) return result.size;
    // Produced for its bytes only and stopped at the limit: count the whole file now, keeping nothing.
    return (await collect((output) => this.document.write(output), 0)).size;
  }

  /** The bytes, or null when the file is larger than the limit. */
  async content(): Promise<Buffer | null> {
    this.wantsContent = true;
    return (await this.produce()).content;
  }

  private produce(): Promise<Collected & { complete: boolean }> {
    this.run ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      if (!this.wantsContent) {
        const counted = await collect((output) => this.document.write(output), 0);
        return { size: counted.size, content: null, complete: true };
      }
      if (!this.wantsSize && this.document.sizeAtLeast) {
        const least = await this.document.sizeAtLeast();
        if (least > this.limit) return { size: least, content: null, complete: false };
      }
      const stopEarly = !this.wantsSize;
      const result = await collect((output) => this.document.write(output), this.limit, stopEarly);
      return { ...result, complete: !(stopEarly && result.content === null) };
    });
    return this.run;
  }
}
