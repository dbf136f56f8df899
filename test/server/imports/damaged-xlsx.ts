import ExcelJS from "exceljs";

/** A sound cases workbook of `rows` data rows (a few KB), the starting point of every damaged one. */
export async function casesWorkbook(rows = 100): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Hồ sơ");
  sheet.addRow(["code", "procedure_name", "applicant_name", "unit_code", "received_at", "due_at"]);
  for (let i = 1; i <= rows; i += 1) {
    sheet.addRow([`DMG-${i}`, "Cấp phép lao động", `Công ty số ${i}`, "VP", "01/11/2023", "17/11/2023"]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Where an entry's compressed bytes start and how many there are, read from its local file header. */
export function entryData(zip: Buffer, name: string): { start: number; length: number } {
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  for (let at = zip.indexOf(signature); at !== -1; at = zip.indexOf(signature, at + 1)) {
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    if (zip.toString("utf8", at + 30, at + 30 + nameLength) !== name) continue;
    const start = at + 30 + nameLength + extraLength;
    const next = zip.indexOf(Buffer.from([0x50, 0x4b]), start + 1);
    return { start, length: zip.readUInt32LE(at + 18) || next - start };
  }
  throw new Error(`no entry ${name}`);
}

/** The workbook with a few bytes flipped inside the sheet's deflate stream (what a bad disk or mail gateway does). */
export async function flippedSheetBytes(): Promise<Buffer> {
  const zip = Buffer.from(await casesWorkbook());
  const { start } = entryData(zip, "xl/worksheets/sheet1.xml");
  for (const offset of [40, 41, 42, 43, 44]) zip[start + offset] ^= 0xff;
  return zip;
}

/** The workbook cut short halfway through. */
export async function truncatedWorkbook(): Promise<Buffer> {
  const zip = await casesWorkbook();
  return zip.subarray(0, Math.floor(zip.length / 2));
}

/** A zip that holds no worksheet at all. */
export async function zipWithoutSheet(): Promise<Buffer> {
  const { zipSync, strToU8 } = await import("fflate");
  return Buffer.from(zipSync({ "readme.txt": strToU8("no sheet here") }));
}

/**
 * The workbook with one more part stored after its last part but listed nowhere in its directory:
 * a reader that walks the local headers front to back (exceljs) meets it, a check of the directory
 * does not. `content` is deflated here.
 */
export async function withUnlistedPart(zip: Buffer, name: string, content: Iterable<Buffer>): Promise<Buffer> {
  const { createDeflateRaw, crc32 } = await import("node:zlib");
  const deflate = createDeflateRaw({ level: 9 });
  const packedChunks: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => packedChunks.push(chunk));
  const finished = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  let size = 0;
  let crc = 0;
  for (const chunk of content) {
    size += chunk.length;
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await finished;
  const packed = Buffer.concat(packedChunks);
  const nameBytes = Buffer.from(name, "utf8");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(packed.length, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const directoryStart = zip.readUInt32LE(end + 16);
  const inserted = Buffer.concat([header, nameBytes, packed]);
  const result = Buffer.concat([zip.subarray(0, directoryStart), inserted, zip.subarray(directoryStart)]);
  result.writeUInt32LE(directoryStart + inserted.length, end + inserted.length + 16);
  return result;
}
