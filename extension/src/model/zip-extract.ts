import { createReadStream, createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createInflateRaw } from "node:zlib";
import { safeFileName, uniqueFileName } from "./file-naming.js";

/**
 * Unpacks a downloaded .zip (the apology letters) into one folder entry by entry: the central
 * directory at the end of the file says where each entry lies, and each is streamed from the file
 * (inflated when deflated) straight into its own file, so neither the archive nor a letter is held
 * whole. Reading the directory, rather than scanning the stream for entry ends, is exact for the
 * stored entries with data descriptors a streaming zip writer produces. Entry names are flattened
 * to safe, unique file names (a path inside the zip cannot escape the folder), avoiding the names
 * already in the folder. Answers the names written, in the archive's order.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  compression: number;
  compressedSize: number;
  /** Where the entry's local header starts; once read, where its data starts. */
  localOffset: number;
}

async function entriesOf(zipPath: string): Promise<Entry[]> {
  const file = await open(zipPath, "r");
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i -= 1) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new Error("The file is not a zip archive (no end of central directory): the download may be incomplete.");
    const directorySize = tail.readUInt32LE(at + 12);
    const directoryOffset = tail.readUInt32LE(at + 16);
    if (directoryOffset + directorySize > size) throw new Error("The zip archive is damaged (its directory lies past its end).");
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    const entries: Entry[] = [];
    for (let p = 0; p + 46 <= directorySize; ) {
      if (directory.readUInt32LE(p) !== CENTRAL) throw new Error("The zip archive is damaged (bad central directory entry).");
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      entries.push({
        compression: directory.readUInt16LE(p + 10),
        compressedSize: directory.readUInt32LE(p + 20),
        localOffset: directory.readUInt32LE(p + 42),
        name: directory.toString("utf8", p + 46, p + 46 + nameLength),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    // Each entry's data starts after its local header, whose name and extra fields may differ in length.
    for (const entry of entries) {
      const header = Buffer.alloc(30);
      await file.read(header, 0, 30, entry.localOffset);
      if (header.readUInt32LE(0) !== LOCAL) throw new Error(`The zip archive is damaged (entry ${entry.name}).`);
      entry.localOffset += 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    }
    return entries;
  } finally {
    await file.close();
  }
}

export async function extractZipToFolder(
  zipPath: string,
  folder: string,
  existing: ReadonlySet<string> = new Set(),
  signal?: AbortSignal,
): Promise<string[]> {
  const taken = new Set(existing);
  const written: string[] = [];
  for (const entry of await entriesOf(zipPath)) {
    if (entry.name.endsWith("/")) continue;
    if (entry.compression !== 0 && entry.compression !== 8) throw new Error(`${entry.name}: unsupported zip compression ${entry.compression}.`);
    const name = uniqueFileName(safeFileName(entry.name), taken);
    taken.add(name);
    const source = createReadStream(zipPath, { start: entry.localOffset, end: entry.localOffset + entry.compressedSize - 1 });
    const target = createWriteStream(join(folder, name));
    const steps = entry.compression === 8 ? [source, createInflateRaw(), target] : [source, target];
    if (entry.compressedSize === 0) {
      target.end();
      await new Promise<void>((resolve) => target.on("close", () => resolve()));
    } else {
      await (pipeline as (...streams: unknown[]) => Promise<void>)(...steps, { signal });
    }
    written.push(name);
  }
  return written;
}
