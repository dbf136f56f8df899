import { describe, expect, it } from "vitest";
import { csvFileText } from "../../../extension/src/model/csv-file-text.js";

const HEADER = "Mã hồ sơ,Tên thủ tục,Người nộp\r\n";

describe("csvFileText: the text an import sends for a CSV file", () => {
  it("reads UTF-8 and drops a spreadsheet's byte-order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER + "HS-1,Cấp phép,Nguyễn Văn A\r\n", "utf8")]);
    expect(csvFileText("ho-so.csv", bytes)).toBe(HEADER + "HS-1,Cấp phép,Nguyễn Văn A\r\n");
  });

  it("refuses Windows-1258 (a spreadsheet's plain CSV on a Vietnamese Windows) with its file, line and what to do", () => {
    // "Văn" in Windows-1258: ă is the one byte 0xE3, which UTF-8 reads as the start of a three-byte letter.
    const bytes = Buffer.concat([Buffer.from(HEADER + "HS-1,Cap phep,V", "utf8"), Buffer.from([0xe3]), Buffer.from("n A\r\n", "ascii")]);
    expect(new TextDecoder("windows-1258").decode(bytes)).toContain("Văn A");
    expect(() => csvFileText("ho-so.csv", bytes)).toThrow(
      /^ho-so\.csv is not UTF-8 text from line 2 on, .*nothing was sent\. Save it again as CSV UTF-8 \(Excel: CSV UTF-8 \(Comma delimited\)\)/,
    );
  });
});
