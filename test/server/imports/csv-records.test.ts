import { describe, expect, it } from "vitest";
import { csvRecords, csvText, type CsvInput } from "../../../server/src/imports/csv-records.js";
import { UnreadableFileError, type SourceRecord } from "../../../server/src/imports/source-record.js";

async function all(input: CsvInput): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of csvRecords(input)) records.push(record);
  return records;
}

/** The same bytes cut into one-byte chunks: every boundary (inside "\r\n", inside a UTF-8 letter) is crossed. */
function byteByByte(text: string): CsvInput {
  const bytes = Buffer.from(text, "utf8");
  return (function* () {
    for (let i = 0; i < bytes.length; i += 1) yield bytes.subarray(i, i + 1);
  })();
}

describe("CSV records", () => {
  const file =
    "\uFEFFMã hồ sơ;Người nộp;Ghi chú\r\n" +
    'H01;"Công ty TNHH Hải Đăng; chi nhánh 2";"dòng 1\r\ndòng 2"\r\n' +
    "\r\n" +
    'H02;Nguyễn Văn "Tý";\r\n' +
    'H03;"Trần ""Bé"" Hai";x';

  const expected = [
    { line: 1, cells: ["Mã hồ sơ", "Người nộp", "Ghi chú"] },
    { line: 2, cells: ["H01", "Công ty TNHH Hải Đăng; chi nhánh 2", "dòng 1\ndòng 2"] },
    { line: 4, cells: [""] },
    { line: 5, cells: ["H02", 'Nguyễn Văn "Tý"', ""] },
    { line: 6, cells: ["H03", 'Trần "Bé" Hai', "x"] },
  ];

  it("reads a semicolon file with a BOM, CRLF, quotes and a quoted line break, with physical line numbers", async () => {
    expect(await all(csvText(file))).toEqual(expected);
  });

  it("reads the same from bytes in any chunking", async () => {
    expect(await all(byteByByte(file))).toEqual(expected);
    expect(await all([Buffer.from(file, "utf8")])).toEqual(expected);
  });

  it("uses commas when the header line holds any comma", async () => {
    const records = await all(csvText('code,title;note\n"a,b",c;d\n'));
    expect(records).toEqual([
      { line: 1, cells: ["code", "title;note"] },
      { line: 2, cells: ["a,b", "c;d"] },
    ]);
  });

  it("decides the delimiter on the first line with content", async () => {
    const records = await all(csvText("\n  \ncode;title\nA;B,C\n"));
    expect(records.filter((r) => r.cells.length > 1)).toEqual([
      { line: 3, cells: ["code", "title"] },
      { line: 4, cells: ["A", "B,C"] },
    ]);
  });

  it("reads a quoted value after spaces around the delimiter", async () => {
    expect(await all(csvText('code , "title; with semicolon" \n A ,  "x, ""y"""  \n'))).toEqual([
      { line: 1, cells: ["code", "title; with semicolon"] },
      { line: 2, cells: ["A", 'x, "y"'] },
    ]);
  });

  it("counts lone CR line ends and blank lines", async () => {
    const records = await all(csvText("a,b\r1,2\r\r3,\"x\ry\"\r4,5"));
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
  });

  it("stops at a quote never closed, at the line where its row starts", async () => {
    const error = await all(csvText('a,b\n1,2\n3,"open\n4,5\n6,7\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as UnreadableFileError).line).toBe(3);
    expect((error as UnreadableFileError).message).toMatch(/never closed/);
  });

  it("stops where the bytes are not UTF-8", async () => {
    const latin1 = Buffer.concat([Buffer.from("a,b\n1,2\n"), Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0x0a])]);
    const error = await all([latin1]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as UnreadableFileError).message).toMatch(/not UTF-8/);
    expect((error as UnreadableFileError).line).toBe(3);
  });

  it("reads an empty file as no records", async () => {
    expect(await all(csvText(""))).toEqual([]);
    expect(await all(csvText("\uFEFF"))).toEqual([]);
  });
});
