import { Writable } from "node:stream";
import { performance } from "node:perf_hooks";
import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * Writing a generated file into a stream (an HTTP response, a counting sink) with its backpressure
 * honoured, and noticing when the receiver goes away so the generator stops reading rows.
 */

/** The receiver went away before the file was complete: whoever feeds the rows should stop. */
export class OutputClosedError extends Error {
  constructor() {
    super("The receiver closed the stream before the file was complete");
  }
}

/**
 * The longest a document's generation keeps the event loop before other work gets a turn. On
 * SQLite every read is synchronous, and a client that reads as fast as the letters are made never
 * fills the socket: without a turn, a million-case zip held the process for two minutes (/health
 * unanswered for 60 s), and V8's own scheduled collection work, which runs in those turns, waited
 * too.
 */
const TURN_MS = 10;
let lastTurn = performance.now();

/**
 * Waits until `output` can take more, and gives the event loop a turn when the generation has held
 * it for TURN_MS; rejects with OutputClosedError once the output is closed or destroyed.
 */
export async function drained(output: Writable): Promise<void> {
  if (output.destroyed || output.closed) throw new OutputClosedError();
  // A socket that took the bytes at once signals "drain" from process.nextTick: that wait is no turn.
  if (output.writableNeedDrain) await firstOf(output, ["drain", "close", "error"]);
  if (performance.now() - lastTurn >= TURN_MS) {
    await nextTurn();
    lastTurn = performance.now();
  }
  if (output.destroyed || output.closed) throw new OutputClosedError();
}

/** Resolves on the first of `events`, then removes its listeners (a long download waits thousands of times). */
function firstOf(output: Writable, events: string[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of events) output.off(event, done);
      resolve();
    };
    for (const event of events) output.on(event, done);
  });
}

/** Ends `output` and waits for its last byte; rejects if it closes first. */
export async function endOutput(output: Writable): Promise<void> {
  if (output.writableFinished) return;
  const done = firstOf(output, ["finish", "close", "error"]);
  output.end();
  await done;
  if (!output.writableFinished) throw new OutputClosedError();
}

/**
 * Text chunks (UTF-8) into `output`, then ends it. Leaving the loop early (the receiver closed,
 * or the source threw) calls the source's return(), which releases what it reads from.
 */
export async function writeText(chunks: AsyncIterable<string> | Iterable<string>, output: Writable): Promise<void> {
  for await (const text of chunks) {
    if (output.destroyed || output.closed) throw new OutputClosedError();
    output.write(Buffer.from(text, "utf8"));
    await drained(output);
  }
  await endOutput(output);
}

/** Joins lines into chunks of about 64 KB (one write per chunk, not per line). */
export async function* chunked(lines: AsyncIterable<string> | Iterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buffer = "";
  for await (const line of lines) {
    buffer += line;
    if (buffer.length >= size) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/** What a write into a BoundedSink gave: the bytes if they fit under the limit, and the size. */
export interface Collected {
  size: number;
  /** Null when the file is larger than the limit. */
  content: Buffer | null;
}

/**
 * A sink that keeps at most `limit` bytes and counts the rest. With `stopOverLimit`, it fails as
 * soon as the limit is passed (the generator stops); otherwise it counts through to the end, so
 * the size of a file too big to keep is still known without holding it.
 */
export class BoundedSink extends Writable {
  private chunks: Buffer[] = [];
  size = 0;

  constructor(
    private readonly limit: number,
    private readonly stopOverLimit: boolean,
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.chunks = [];
      if (this.stopOverLimit) {
        callback(new FileTooLargeError(this.limit));
        return;
      }
    } else {
      this.chunks.push(chunk);
    }
    callback();
  }

  get over(): boolean {
    return this.size > this.limit;
  }

  result(): Collected {
    return { size: this.size, content: this.over ? null : Buffer.concat(this.chunks) };
  }
}

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than ${limit} bytes`);
  }
}

/** Runs a streaming writer into a BoundedSink; a FileTooLargeError from stopping early is not a failure. */
export async function collect(
  write: (output: Writable) => Promise<unknown>,
  limit = Number.MAX_SAFE_INTEGER,
  stopOverLimit = false,
): Promise<Collected> {
  const sink = new BoundedSink(limit, stopOverLimit);
  sink.on("error", () => undefined);
  try {
    await write(sink);
  } catch (error) {
    if (!(stopOverLimit && sink.over)) throw error;
  }
  return sink.result();
}
