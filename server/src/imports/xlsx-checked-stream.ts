import { Readable } from "node:stream";
import { packedChunks, type ByteSource, type CheckedPart } from "./xlsx-archive-check.js";

/**
 * The archive exceljs reads, rebuilt from the parts the check inflated and nothing else. exceljs
 * reads a zip front to back by its local headers, not by its directory: a file can carry a part
 * the directory does not list (a review hid 3 GiB of shared strings in a 7.8 MB workbook whose
 * directory declared 3 KB), or local headers whose sizes differ from the directory's. Rebuilt, each
 * part gets a fresh local header with the directory's sizes and CRC, followed by its packed bytes
 * as they lie in the file, then a directory and its end record: what is read is exactly what was
 * checked. Streamed: the bytes are read from the source a megabyte at a time, never whole.
 */
export function checkedXlsxStream(openBytes: () => Promise<ByteSource>, parts: readonly CheckedPart[]): Readable {
  return Readable.from(rebuiltArchive(openBytes, parts), { objectMode: false });
}

async function* rebuiltArchive(openBytes: () => Promise<ByteSource>, parts: readonly CheckedPart[]): AsyncGenerator<Buffer> {
  const bytes = await openBytes();
  try {
    const directory: Buffer[] = [];
    let offset = 0;
    for (const part of parts) {
      const header = localHeader(part);
      directory.push(directoryEntry(part, offset));
      yield header;
      yield* packedChunks(bytes, part.dataStart, part.packedSize);
      offset += header.length + part.packedSize;
    }
    const directoryBytes = Buffer.concat(directory);
    yield directoryBytes;
    yield endOfDirectory(parts.length, directoryBytes.length, offset);
  } finally {
    await bytes.close?.();
  }
}

const VERSION = 20;
const UTF8_NAME = 1 << 11;
/** 1980-01-01 00:00, the first moment a zip can date (no part's time is read by anyone). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function localHeader(part: CheckedPart): Buffer {
  const header = Buffer.alloc(30 + part.nameBytes.length);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(part.utf8Name ? UTF8_NAME : 0, 6);
  header.writeUInt16LE(part.method, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(part.crc >>> 0, 14);
  header.writeUInt32LE(part.packedSize, 18);
  header.writeUInt32LE(part.unpackedSize, 22);
  header.writeUInt16LE(part.nameBytes.length, 26);
  header.writeUInt16LE(0, 28);
  part.nameBytes.copy(header, 30);
  return header;
}

function directoryEntry(part: CheckedPart, localOffset: number): Buffer {
  const entry = Buffer.alloc(46 + part.nameBytes.length);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(VERSION, 4);
  entry.writeUInt16LE(VERSION, 6);
  entry.writeUInt16LE(part.utf8Name ? UTF8_NAME : 0, 8);
  entry.writeUInt16LE(part.method, 10);
  entry.writeUInt16LE(0, 12);
  entry.writeUInt16LE(DOS_DATE, 14);
  entry.writeUInt32LE(part.crc >>> 0, 16);
  entry.writeUInt32LE(part.packedSize, 20);
  entry.writeUInt32LE(part.unpackedSize, 24);
  entry.writeUInt16LE(part.nameBytes.length, 28);
  // extra, comment, disk, internal and external attributes: 0
  entry.writeUInt32LE(localOffset, 42);
  part.nameBytes.copy(entry, 46);
  return entry;
}

function endOfDirectory(count: number, directorySize: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}
