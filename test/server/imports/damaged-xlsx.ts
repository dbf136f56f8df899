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
