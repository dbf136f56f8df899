import type { Writable } from "node:stream";
import { crc32, createDeflateRaw, deflateRawSync, type DeflateRaw } from "node:zlib";
import { OutputClosedError, drained, endOutput } from "./stream-output.js";

/**
 * A zip written entry by entry into `output`: the letters' archive and the .xlsx workbook both go
 * through it. Written here rather than with fflate's streaming Zip because that one cannot write
 * ZIP64 (more than 65,535 entries, or an archive past 4 GiB: the letters of a million-case year are
 * both) and keeps an object per entry until the end.
 *
 * - A whole entry (a letter, a small workbook part) is written with its CRC and sizes in its local
 *   header; `level` deflates it (zlib, in one call), without it the bytes are stored.
 * - A streamed entry (a worksheet) is deflated by a zlib stream as its data arrives (the deflating
 *   runs on libuv's thread pool, beside the code producing the XML) and ends with a data descriptor.
 *   One streamed entry at a time; it must stay under 4 GiB (its local header carries no ZIP64 field).
 * - The central directory is kept as its own bytes (about 80 bytes an entry, in 1 MiB slabs), with a
 *   ZIP64 extra field for an entry whose offset passes 4 GiB; the end records are ZIP64 (record and
 *   locator before the classic one) when the entries pass 65,535 or the directory's place or size
 *   pass 4 GiB (APPNOTE.TXT 4.3.14–4.3.16, 4.5.3).
 *
 * `writable()` waits while the receiver is full and fails once it went away, which is how the row
 * sources learn to stop.
 */
const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END = 0x06054b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** General purpose flags: names in UTF-8 (bit 11); sizes in a data descriptor (bit 3). */
const FLAG_UTF8 = 0x0800;
const FLAG_DESCRIPTOR = 0x0008;
/** Version needed: 2.0 (deflate, descriptors), 4.5 (ZIP64). Made by: MS-DOS host, so no Unix mode bits are implied. */
const VERSION_20 = 20;
const VERSION_45 = 45;
const SLAB = 1024 * 1024;

export interface ZipEntryOptions {
  /** The entry's time (the zip's DOS date holds 1980–2107; outside it the time of writing is kept). */
  mtime?: Date;
  /** Deflate level 0–9; absent: the bytes are stored. */
  level?: number;
}

/** A DOS date and time (local wall clock, 2-second steps), as zip tools read it. */
function dosDateTime(when: Date): number {
  const date = when.getFullYear() >= 1980 && when.getFullYear() <= 2107 ? when : new Date();
  return (
    (((date.getFullYear() - 1980) << 25) |
      ((date.getMonth() + 1) << 21) |
      (date.getDate() << 16) |
      (date.getHours() << 11) |
      (date.getMinutes() << 5) |
      (date.getSeconds() >> 1)) >>>
    0
  );
}

function writeUInt64(buffer: Buffer, value: number, at: number): void {
  buffer.writeUInt32LE(value % 0x1_0000_0000, at);
  buffer.writeUInt32LE(Math.floor(value / 0x1_0000_0000), at + 4);
}

/** The central directory as bytes, appended in slabs (no object per entry). */
class Directory {
  private readonly slabs: Buffer[] = [];
  private readonly lengths: number[] = [];
  size = 0;
  entries = 0;

  add(record: Buffer): void {
    const last = this.slabs.length - 1;
    if (last < 0 || this.lengths[last] + record.length > this.slabs[last].length) {
      this.slabs.push(Buffer.allocUnsafe(Math.max(SLAB, record.length)));
      this.lengths.push(0);
    }
    const i = this.slabs.length - 1;
    record.copy(this.slabs[i], this.lengths[i]);
    this.lengths[i] += record.length;
    this.size += record.length;
    this.entries += 1;
  }

  *chunks(): Generator<Buffer> {
    for (let i = 0; i < this.slabs.length; i += 1) yield this.slabs[i].subarray(0, this.lengths[i]);
  }
}

interface EntryFacts {
  name: Buffer;
  flags: number;
  method: number;
  time: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** A streamed entry being written: `write` its data (waits while the receiver is full), then `end`. */
export interface ZipEntryStream {
  write(data: Uint8Array | string): Promise<void>;
  end(): Promise<void>;
}

export class ZipOutput {
  private failure: Error | null = null;
  private offset = 0;
  private readonly directory = new Directory();
  private open: DeflateRaw | null = null;
  private finished = false;

  constructor(private readonly output: Writable) {
    output.on("error", (error) => {
      this.failure ??= error;
    });
    output.on("close", () => {
      if (!output.writableFinished) this.failure ??= new OutputClosedError();
    });
  }

  /** The bytes written so far. */
  get bytesWritten(): number {
    return this.offset;
  }

  private emit(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.offset += chunk.length;
    if (!this.output.destroyed) this.output.write(chunk);
  }

  private check(): void {
    if (this.failure) throw this.failure;
    if (this.finished) throw new Error("The zip has ended.");
    if (this.open) throw new Error("An entry is still being written: end it before adding the next.");
  }

  /** A whole entry, written at once (stored, or deflated with `level`); then `await writable()`. */
  add(name: string, data: Uint8Array, options: ZipEntryOptions = {}): void {
    this.check();
    const deflated = options.level !== undefined;
    const body = deflated ? deflateRawSync(data, { level: options.level }) : data;
    const facts: EntryFacts = {
      name: Buffer.from(name, "utf8"),
      flags: FLAG_UTF8,
      method: deflated ? 8 : 0,
      time: dosDateTime(options.mtime ?? new Date()),
      crc: crc32(data),
      compressedSize: body.length,
      size: data.length,
      offset: this.offset,
    };
    if (facts.size > MAX32 || facts.compressedSize > MAX32) throw new Error(`${name}: an entry over 4 GiB is not supported.`);
    this.emit(this.localHeader(facts));
    this.emit(body);
    this.directory.add(this.centralHeader(facts));
  }

  /** A deflated entry written as its data arrives, ending with a data descriptor. */
  stream(name: string, options: ZipEntryOptions = {}): ZipEntryStream {
    this.check();
    const facts: EntryFacts = {
      name: Buffer.from(name, "utf8"),
      flags: FLAG_UTF8 | FLAG_DESCRIPTOR,
      method: 8,
      time: dosDateTime(options.mtime ?? new Date()),
      crc: 0,
      compressedSize: 0,
      size: 0,
      offset: this.offset,
    };
    this.emit(this.localHeader(facts));
    const deflater: DeflateRaw = createDeflateRaw({ level: options.level ?? 6 });
    deflater.on("data", (chunk: Buffer) => {
      facts.compressedSize += chunk.length;
      this.emit(chunk);
    });
    const ended = new Promise<void>((resolve, reject) => {
      deflater.once("end", resolve);
      deflater.once("error", reject);
    });
    ended.catch(() => undefined);
    this.open = deflater;
    let done = false;
    return {
      write: async (data) => {
        if (done) throw new Error(`${name}: the entry has ended.`);
        if (this.failure) throw this.failure;
        const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
        if (bytes.length === 0) return;
        facts.crc = crc32(bytes, facts.crc);
        facts.size += bytes.length;
        if (!deflater.write(bytes)) await new Promise<void>((resolve) => deflater.once("drain", resolve));
        await this.writable();
      },
      end: async () => {
        if (done) return;
        done = true;
        deflater.end();
        await ended;
        if (facts.size > MAX32 || facts.compressedSize > MAX32) throw new Error(`${name}: a streamed entry over 4 GiB is not supported.`);
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
        descriptor.writeUInt32LE(facts.crc, 4);
        descriptor.writeUInt32LE(facts.compressedSize, 8);
        descriptor.writeUInt32LE(facts.size, 12);
        this.emit(descriptor);
        this.directory.add(this.centralHeader(facts));
        this.open = null;
        await this.writable();
      },
    };
  }

  private localHeader(f: EntryFacts): Buffer {
    const descriptor = (f.flags & FLAG_DESCRIPTOR) !== 0;
    const header = Buffer.alloc(30 + f.name.length);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION_20, 4);
    header.writeUInt16LE(f.flags, 6);
    header.writeUInt16LE(f.method, 8);
    header.writeUInt32LE(f.time, 10);
    header.writeUInt32LE(descriptor ? 0 : f.crc, 14);
    header.writeUInt32LE(descriptor ? 0 : f.compressedSize, 18);
    header.writeUInt32LE(descriptor ? 0 : f.size, 22);
    header.writeUInt16LE(f.name.length, 26);
    header.writeUInt16LE(0, 28);
    f.name.copy(header, 30);
    return header;
  }

  private centralHeader(f: EntryFacts): Buffer {
    // Sizes stay under 4 GiB (checked when written); only the offset may need the ZIP64 field.
    const zip64 = f.offset > MAX32;
    const extra = zip64 ? 12 : 0;
    const header = Buffer.alloc(46 + f.name.length + extra);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(zip64 ? VERSION_45 : VERSION_20, 4);
    header.writeUInt16LE(zip64 ? VERSION_45 : VERSION_20, 6);
    header.writeUInt16LE(f.flags, 8);
    header.writeUInt16LE(f.method, 10);
    header.writeUInt32LE(f.time, 12);
    header.writeUInt32LE(f.crc, 16);
    header.writeUInt32LE(f.compressedSize, 20);
    header.writeUInt32LE(f.size, 24);
    header.writeUInt16LE(f.name.length, 28);
    header.writeUInt16LE(extra, 30);
    // comment length, disk number, internal and external attributes: 0
    header.writeUInt32LE(zip64 ? MAX32 : f.offset, 42);
    f.name.copy(header, 46);
    if (zip64) {
      const at = 46 + f.name.length;
      header.writeUInt16LE(0x0001, at);
      header.writeUInt16LE(8, at + 2);
      writeUInt64(header, f.offset, at + 4);
    }
    return header;
  }

  /** Rejects when the receiver went away or failed; waits while it cannot take more. */
  async writable(): Promise<void> {
    if (this.failure) throw this.failure;
    await drained(this.output);
    if (this.failure) throw this.failure;
  }

  /** Writes the central directory and the end records, ends `output`; resolves once the last byte is flushed. */
  async finish(): Promise<void> {
    this.check();
    this.finished = true;
    const start = this.offset;
    for (const chunk of this.directory.chunks()) {
      this.emit(chunk);
      await this.writable();
    }
    const { entries, size } = this.directory;
    const zip64 = entries > MAX16 || start > MAX32 || size > MAX32;
    if (zip64) {
      const record = Buffer.alloc(56 + 20);
      const zip64End = this.offset;
      record.writeUInt32LE(ZIP64_END, 0);
      writeUInt64(record, 44, 4); // the record's size after this field
      record.writeUInt16LE(VERSION_45, 12);
      record.writeUInt16LE(VERSION_45, 14);
      // this disk, the directory's disk: 0
      writeUInt64(record, entries, 24);
      writeUInt64(record, entries, 32);
      writeUInt64(record, size, 40);
      writeUInt64(record, start, 48);
      record.writeUInt32LE(ZIP64_LOCATOR, 56);
      // the disk with the ZIP64 end record: 0
      writeUInt64(record, zip64End, 64);
      record.writeUInt32LE(1, 72); // disks in all
      this.emit(record);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(Math.min(entries, MAX16), 8);
    end.writeUInt16LE(Math.min(entries, MAX16), 10);
    end.writeUInt32LE(Math.min(size, MAX32), 12);
    end.writeUInt32LE(Math.min(start, MAX32), 16);
    this.emit(end);
    await this.writable();
    await endOutput(this.output);
  }

  /** Stops (the source failed or the receiver left): the receiver sees a cut stream, never a file that looks whole. */
  abort(error: Error): void {
    this.failure ??= error;
    this.finished = true;
    this.open?.destroy();
    this.open = null;
    if (!this.output.destroyed) this.output.destroy(error instanceof OutputClosedError ? undefined : error);
  }
}
