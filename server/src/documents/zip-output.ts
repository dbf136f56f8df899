import type { Writable } from "node:stream";
import { Zip, type ZipInputFile } from "fflate";
import { OutputClosedError, drained, endOutput } from "./stream-output.js";

/**
 * A zip written entry by entry into `output` (fflate's streaming Zip, the one zip library of the
 * server): the letters' archive and the .xlsx workbook both go through it. Entries are written in
 * the order added, each as its data arrives; `writable()` waits while the receiver is full and
 * fails once it went away, which is how the row sources learn to stop.
 */
export class ZipOutput {
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor(private readonly output: Writable) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure ??= error;
        return;
      }
      if (chunk.length > 0 && !output.destroyed) output.write(chunk);
      if (final) this.ended = true;
    });
    output.on("error", (error) => {
      this.failure ??= error;
    });
    output.on("close", () => {
      if (!output.writableFinished) this.failure ??= new OutputClosedError();
    });
  }

  private ended = false;

  add(entry: ZipInputFile): void {
    if (this.failure) throw this.failure;
    this.zip.add(entry);
  }

  /** Rejects when the receiver went away or failed; waits while it cannot take more. */
  async writable(): Promise<void> {
    if (this.failure) throw this.failure;
    await drained(this.output);
    if (this.failure) throw this.failure;
  }

  /** Writes the central directory and ends `output`; resolves once the last byte is flushed. */
  async finish(): Promise<void> {
    this.zip.end();
    await this.writable();
    if (!this.ended) throw new Error("The zip did not end: an entry was left open.");
    await endOutput(this.output);
  }

  /** Stops (the source failed or the receiver left): the receiver sees a cut stream, never a file that looks whole. */
  abort(error: Error): void {
    this.failure ??= error;
    this.zip.terminate();
    if (!this.output.destroyed) this.output.destroy(error instanceof OutputClosedError ? undefined : error);
  }
}
