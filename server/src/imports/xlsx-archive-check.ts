import { open } from "node:fs/promises";
import { PassThrough, Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32, createInflateRaw } from "node:zlib";
import { byteSize } from "./byte-size.js";
import { ImportLimitError, UnreadableFileError } from "./source-record.js";
import { firstSheetPath, sheetNumberOf, usesDate1904 } from "./xlsx-first-sheet.js";

/**
 * Checks an .xlsx file whole before any row of it is read: it is a zip archive, every part in its
 * directory inflates completely to the size and CRC-32 the directory declares, the parts together
 * stay under the unpacking limit, and a worksheet is among them.
 *
 * Why: a damaged file must fail here, before the import takes its lock (exceljs's streaming
 * reader, used before, never settled on a damaged deflate stream); and a few MB of zip can unpack
 * to many GB. The parts are inflated as a stream (zlib, off the event loop) and nothing is kept but
 * the list of sheets; the reading (xlsx-records.ts) then reads these parts and no others.
 */
export async function checkXlsxArchive(bytes: ByteSource, maxUnpackedBytes = Infinity): Promise<XlsxLayout> {
  const entries = await readDirectory(bytes);
  if (!entries.some((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name))) {
    throw damaged("it is a zip archive but holds no worksheet");
  }
  const declared = entries.reduce((sum, e) => sum + e.unpackedSize, 0);
  if (declared > maxUnpackedBytes) {
    throw new ImportLimitError(
      `The workbook would unpack to ${byteSize(declared)}; an import through the API takes workbooks of at most ` +
        `${byteSize(maxUnpackedBytes)} unpacked. Split the file, or import it with the command-line importer.`,
    );
  }
  // The two small parts that say which sheet is the first tab are kept as they pass by.
  const kept = new Map<string, Buffer[]>();
  const parts: CheckedPart[] = [];
  for (const entry of entries) {
    const keep = LAYOUT_PARTS.includes(entry.name) && entry.unpackedSize <= MAX_LAYOUT_PART_BYTES;
    const chunks: Buffer[] = [];
    parts.push(await checkEntry(bytes, entry, keep ? (chunk) => chunks.push(chunk) : undefined));
    if (keep) kept.set(entry.name, chunks);
  }
  const text = (name: string) => Buffer.concat(kept.get(name) ?? []).toString("utf8");
  const [workbookXml, relsXml] = [text(LAYOUT_PARTS[0]), text(LAYOUT_PARTS[1])];
  try {
    // Each part read once: the number is the path's.
    const path = firstSheetPath(workbookXml, relsXml);
    return { firstSheet: sheetNumberOf(path), firstSheetPath: path, date1904: usesDate1904(workbookXml), parts };
  } catch (error) {
    throw damaged(`its list of sheets (${LAYOUT_PARTS.join(", ")}) is not well-formed XML: ${(error as Error).message.slice(0, 200)}`);
  }
}

/** What the check learnt about the workbook for its reading. */
export interface XlsxLayout {
  /** N of xl/worksheets/sheetN.xml, the first sheet as the tabs show it; null when the workbook does not say. */
  firstSheet: string | null;
  /** The first tab's worksheet part, whatever its name; null when the workbook does not say. */
  firstSheetPath: string | null;
  /** Dates count from 1904 rather than 1900. */
  date1904: boolean;
  /** The parts the check inflated, in the directory's order, and where their packed bytes lie: all the reading reads. */
  parts: CheckedPart[];
}

/** A part whose packed bytes inflate to the size and CRC-32 its directory entry declares. */
export interface CheckedPart {
  name: string;
  /** The name as the directory writes it, and whether that is UTF-8 (flag bit 11) rather than CP437. */
  nameBytes: Buffer;
  utf8Name: boolean;
  method: number;
  crc: number;
  packedSize: number;
  unpackedSize: number;
  /** Where the packed bytes start in the file (after the local header, whatever it says besides). */
  dataStart: number;
}

const LAYOUT_PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
/** A workbook's list of sheets is a few KB; a larger one is not read for its order. */
const MAX_LAYOUT_PART_BYTES = 4 * 1024 * 1024;

/** Random access to a file's bytes: in memory (the API) or on disk (the command line). */
export interface ByteSource {
  readonly size: number;
  read(position: number, length: number): Promise<Buffer>;
  close?(): Promise<void>;
}

export function bufferBytes(buffer: Buffer): ByteSource {
  return {
    size: buffer.length,
    read: async (position, length) => buffer.subarray(position, Math.min(buffer.length, position + length)),
  };
}

/** A file on disk, read where asked and never whole; close() when done. */
export async function fileBytes(path: string): Promise<ByteSource> {
  const handle = await open(path, "r");
  const { size } = await handle.stat();
  return {
    size,
    read: async (position, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

/** Checks a file on disk without reading it into memory. */
export async function checkXlsxFile(path: string, maxUnpackedBytes = Infinity): Promise<XlsxLayout> {
  const bytes = await fileBytes(path);
  try {
    return await checkXlsxArchive(bytes, maxUnpackedBytes);
  } finally {
    await bytes.close?.();
  }
}

interface Entry {
  name: string;
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc: number;
  packedSize: number;
  unpackedSize: number;
  localHeader: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Sizes of this value mean ZIP64: a part over 4 GiB, far beyond anything an import takes. */
const ZIP64 = 0xffffffff;

async function readDirectory(bytes: ByteSource): Promise<Entry[]> {
  // The end-of-directory record is the last 22 bytes, followed by a comment of up to 65,535.
  const tailLength = Math.min(bytes.size, 22 + 0xffff);
  const tail = await bytes.read(bytes.size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end === -1) throw damaged("it is not a zip archive (an .xlsx workbook is one), or it was cut short");
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryStart = tail.readUInt32LE(end + 16);
  const endPosition = bytes.size - tailLength + end;
  if (directorySize === ZIP64 || directoryStart === ZIP64 || directoryStart + directorySize > endPosition) {
    throw damaged("its table of contents points outside the file");
  }
  const directory = await bytes.read(directoryStart, directorySize);
  const entries: Entry[] = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw damaged("its table of contents is broken");
    }
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const entry: Entry = {
      name: directory.toString("utf8", at + 46, at + 46 + nameLength),
      nameBytes: Buffer.from(directory.subarray(at + 46, at + 46 + nameLength)),
      flags,
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      packedSize: directory.readUInt32LE(at + 20),
      unpackedSize: directory.readUInt32LE(at + 24),
      localHeader: directory.readUInt32LE(at + 42),
    };
    if (flags & 1) throw damaged("it is protected with a password; save it again without one");
    if (entry.method !== STORED && entry.method !== DEFLATED) throw damaged(`its part "${entry.name}" uses an unknown compression`);
    if (entry.packedSize === ZIP64 || entry.unpackedSize === ZIP64 || entry.localHeader + 30 + entry.packedSize > directoryStart) {
      throw damaged(`its part "${entry.name}" lies outside the file`);
    }
    entries.push(entry);
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates one part to its end, comparing its length and CRC-32 with what the directory declares. */
async function checkEntry(bytes: ByteSource, entry: Entry, keep?: (chunk: Buffer) => void): Promise<CheckedPart> {
  const header = await bytes.read(entry.localHeader, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw damaged(`its part "${entry.name}" is missing`);
  const dataStart = entry.localHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  let length = 0;
  let crc = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      length += chunk.length;
      // More than declared is damage (or a lie about the size, which the limit was checked on).
      if (length > entry.unpackedSize) return done(damaged(`its part "${entry.name}" is longer than its directory says`));
      crc = crc32(chunk, crc);
      keep?.(chunk);
      done();
    },
  });
  try {
    await pipeline(
      Readable.from(packedChunks(bytes, dataStart, entry.packedSize)),
      entry.method === DEFLATED ? createInflateRaw() : new PassThrough(),
      sink,
    );
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw damaged(`its part "${entry.name}" cannot be unpacked (${(error as Error).message})`);
  }
  if (length !== entry.unpackedSize || crc >>> 0 !== entry.crc) {
    throw damaged(`its part "${entry.name}" does not unpack to what the archive recorded (its checksum differs)`);
  }
  return {
    name: entry.name,
    nameBytes: entry.nameBytes,
    utf8Name: (entry.flags & UTF8_NAME) !== 0,
    method: entry.method,
    crc: entry.crc,
    packedSize: entry.packedSize,
    unpackedSize: entry.unpackedSize,
    dataStart,
  };
}

/** The general-purpose flag saying a name is UTF-8. */
const UTF8_NAME = 1 << 11;

export async function* packedChunks(bytes: ByteSource, start: number, length: number): AsyncGenerator<Buffer> {
  const CHUNK = 1 << 20;
  for (let at = 0; at < length; at += CHUNK) {
    const chunk = await bytes.read(start + at, Math.min(CHUNK, length - at));
    if (chunk.length === 0) throw damaged("it was cut short");
    yield chunk;
  }
}

function damaged(reason: string): UnreadableFileError {
  return new UnreadableFileError(
    1,
    `The file is not a readable Excel workbook (.xlsx): ${reason}. Open it in Excel and save it again as .xlsx, or export it again.`,
  );
}
