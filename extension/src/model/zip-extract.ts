import { createReadStream, createWriteStream } from "node:fs";
import { open, rm, writeFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { safeFileName, uniqueAmongLowerCase } from "./file-naming.js";

/**
 * Unpacks a downloaded .zip (the apology letters) into one folder entry by entry: the central
 * directory at the end of the file says where each entry lies, and each is streamed from the file
 * (inflated when deflated) straight into its own file, so neither the archive, nor its directory,
 * nor a letter is held whole (the directory is read in windows of 1 MiB). Reading the directory,
 * rather than scanning the stream for entry ends, is exact for the stored entries with data
 * descriptors a streaming zip writer produces. ZIP64 is read (APPNOTE.TXT 4.3.14–4.3.15, 4.5.3):
 * the letters of a large year pass 65,535 entries and 4 GiB. Entry names are flattened to safe,
 * unique file names (a path inside the zip cannot escape the folder), avoiding the names already
 * in the folder. The whole directory is checked before the first file is written. Answers the
 * names written, in the archive's order.
 */
const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const WINDOW = 1024 * 1024;
/** Entries up to this size (compressed and not) are unpacked in memory; larger ones are streamed. */
const SMALL = 4 * 1024 * 1024;

/**
 * Passes an entry's bytes through while counting them: more than `size` stops at once (a zip bomb
 * declares a small size), fewer at the end is a damaged entry.
 */
function exactly(size: number, name: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > size ? damaged(`entry ${name} unpacks past its declared ${size} bytes`) : null, chunk);
    },
    flush(done) {
      done(seen === size ? null : damaged(`entry ${name} unpacks to ${seen} bytes, not ${size}`));
    },
  });
}

interface Entry {
  name: string;
  compression: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

interface DirectoryPlace {
  entries: number;
  offset: number;
  size: number;
}

const damaged = (what: string) => new Error(`The zip archive is damaged (${what}).`);

function readUInt64(buffer: Buffer, at: number): number {
  const value = buffer.readUInt32LE(at) + buffer.readUInt32LE(at + 4) * 0x1_0000_0000;
  if (!Number.isSafeInteger(value)) throw damaged("a size past 2^53");
  return value;
}

async function readAt(file: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead < length) throw damaged("cut short");
  return buffer;
}

/** The end of central directory record, and the ZIP64 one when the locator stands before it. */
async function directoryPlace(file: FileHandle, size: number): Promise<DirectoryPlace> {
  const tailLength = Math.min(size, 22 + 65_535 + 20);
  const tail = await readAt(file, tailLength, size - tailLength);
  let at = -1;
  for (let i = tailLength - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new Error("The file is not a zip archive (no end of central directory): the download may be incomplete.");
  const place = { entries: tail.readUInt16LE(at + 10), size: tail.readUInt32LE(at + 12), offset: tail.readUInt32LE(at + 16) };
  if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
    const recordOffset = readUInt64(tail, at - 20 + 8);
    if (recordOffset + 56 > size) throw damaged("its ZIP64 end record lies past its end");
    const record = await readAt(file, 56, recordOffset);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw damaged("bad ZIP64 end record");
    return { entries: readUInt64(record, 32), size: readUInt64(record, 40), offset: readUInt64(record, 48) };
  }
  return place;
}

/** The central directory's entries, read in windows so a directory of hundreds of thousands of entries is never whole in memory. */
async function* centralEntries(file: FileHandle, fileSize: number, place: DirectoryPlace): AsyncGenerator<Entry> {
  if (place.offset + place.size > fileSize) throw damaged("its directory lies past its end");
  const end = place.offset + place.size;
  let window: Buffer = Buffer.alloc(0);
  let windowStart = place.offset;
  let p = 0;
  const ensure = async (length: number) => {
    if (p + length <= window.length) return;
    const start = windowStart + p;
    if (start + length > end) throw damaged("bad central directory entry");
    window = await readAt(file, Math.min(Math.max(WINDOW, length), end - start), start);
    windowStart = start;
    p = 0;
  };
  let count = 0;
  while (windowStart + p < end) {
    await ensure(46);
    if (window.readUInt32LE(p) !== CENTRAL) throw damaged("bad central directory entry");
    const nameLength = window.readUInt16LE(p + 28);
    const extraLength = window.readUInt16LE(p + 30);
    const commentLength = window.readUInt16LE(p + 32);
    await ensure(46 + nameLength + extraLength + commentLength);
    const compression = window.readUInt16LE(p + 10);
    let compressedSize = window.readUInt32LE(p + 20);
    let size = window.readUInt32LE(p + 24);
    let localOffset = window.readUInt32LE(p + 42);
    const name = window.toString("utf8", p + 46, p + 46 + nameLength);
    // The ZIP64 extra field holds, in this order, only the values whose 32-bit field is at its maximum.
    for (let x = p + 46 + nameLength, xEnd = x + extraLength; x + 4 <= xEnd; ) {
      const id = window.readUInt16LE(x);
      const length = window.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        const next = () => {
          if (q + 8 > x + 4 + length) throw damaged(`ZIP64 field of ${name}`);
          const value = readUInt64(window, q);
          q += 8;
          return value;
        };
        if (size === MAX32) size = next();
        if (compressedSize === MAX32) compressedSize = next();
        if (localOffset === MAX32) localOffset = next();
      }
      x += 4 + length;
    }
    if (localOffset + 30 + compressedSize > place.offset) throw damaged(`entry ${name} lies past the directory`);
    p += 46 + nameLength + extraLength + commentLength;
    count += 1;
    yield { name, compression, compressedSize, size, localOffset };
  }
  if (count !== place.entries && count < MAX16) throw damaged(`${count} entries where its end record says ${place.entries}`);
}

export async function extractZipToFolder(
  zipPath: string,
  folder: string,
  existing: ReadonlySet<string> = new Set(),
  signal?: AbortSignal,
): Promise<string[]> {
  const file = await open(zipPath, "r");
  try {
    const { size } = await file.stat();
    const place = await directoryPlace(file, size);
    // First pass: the whole directory is sound and every entry can be unpacked, before a file is written.
    // Entries lie one after another, as every zip writer stores them: entries that share or overlap
    // their bytes (a 9 KB archive of 100 entries all pointing at one 4 MiB letter wrote 400 MiB) are damage.
    let previousEnd = 0;
    for await (const entry of centralEntries(file, size, place)) {
      if (entry.localOffset < previousEnd) throw damaged(`entry ${entry.name} overlaps the entry before it`);
      previousEnd = entry.localOffset + 30 + entry.compressedSize;
      if (entry.name.endsWith("/")) continue;
      if (entry.compression !== 0 && entry.compression !== 8) throw new Error(`${entry.name}: unsupported zip compression ${entry.compression}.`);
    }
    const taken = new Set([...existing].map((n) => n.toLowerCase()));
    const nextNumber = new Map<string, number>();
    const written: string[] = [];
    for await (const entry of centralEntries(file, size, place)) {
      signal?.throwIfAborted();
      if (entry.name.endsWith("/")) continue;
      // The data starts after the local header, whose name and extra fields may differ in length from the directory's.
      const header = await readAt(file, 30, entry.localOffset);
      if (header.readUInt32LE(0) !== LOCAL) throw damaged(`entry ${entry.name}`);
      const dataOffset = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      const name = uniqueAmongLowerCase(safeFileName(entry.name), taken, nextNumber);
      taken.add(name.toLowerCase());
      if (entry.compressedSize <= SMALL && entry.size <= SMALL) {
        // A letter: read, inflated and written in one step each (streams per entry cost more than the bytes).
        const data = entry.compressedSize === 0 ? Buffer.alloc(0) : await readAt(file, entry.compressedSize, dataOffset);
        let bytes: Buffer;
        try {
          bytes = entry.compression === 8 && data.length > 0 ? inflateRawSync(data, { maxOutputLength: SMALL }) : data;
        } catch {
          throw damaged(`entry ${entry.name} does not inflate`);
        }
        // An entry unpacks to exactly the size its directory declares, or the archive is damaged (or hostile).
        if (bytes.length !== entry.size) throw damaged(`entry ${entry.name} unpacks to ${bytes.length} bytes, not ${entry.size}`);
        try {
          await writeFile(join(folder, name), bytes, { signal });
        } catch (error) {
          // Cancelled or the disk full half-way: no half-written letter is left behind.
          await rm(join(folder, name), { force: true });
          throw error;
        }
      } else {
        const path = join(folder, name);
        const source = createReadStream(zipPath, { start: dataOffset, end: dataOffset + entry.compressedSize - 1 });
        const steps = entry.compression === 8 ? [source, createInflateRaw(), exactly(entry.size, entry.name), createWriteStream(path)] : [source, exactly(entry.size, entry.name), createWriteStream(path)];
        try {
          await (pipeline as (...streams: unknown[]) => Promise<void>)(...steps, { signal });
        } catch (error) {
          // No half-written file is left behind; the letters already written stay, each whole.
          await rm(path, { force: true });
          if (error instanceof Error && error.name === "AbortError") throw error;
          throw error instanceof Error && error.message.startsWith("The zip archive is damaged") ? error : damaged(`entry ${entry.name} does not inflate`);
        }
      }
      written.push(name);
    }
    return written;
  } finally {
    await file.close();
  }
}
