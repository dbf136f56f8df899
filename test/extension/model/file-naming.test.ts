import { describe, expect, it } from "vitest";
import { formatFromFileName, reportFileName, safeFileName, uniqueAmongLowerCase, uniqueFileName } from "../../../extension/src/model/file-naming.js";

describe("safeFileName", () => {
  it("keeps only the last path segment, so a name cannot leave the chosen folder", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("VP\\..\\..\\x.docx")).toBe("x.docx");
    expect(safeFileName("letters/VP/HS-001.docx")).toBe("HS-001.docx");
  });
  it("replaces characters file systems refuse and keeps Vietnamese letters (NFC)", () => {
    expect(safeFileName('Phiếu xin lỗi: HS*01?.docx')).toBe("Phiếu xin lỗi_ HS_01_.docx");
    expect(safeFileName("Hà Nội.docx".normalize("NFD"))).toBe("Hà Nội.docx".normalize("NFC"));
  });
  it("falls back when nothing usable is left", () => {
    expect(safeFileName("..")).toBe("document");
    expect(safeFileName("   ", "report.xlsx")).toBe("report.xlsx");
  });
  it("cuts a long name to 200 bytes of UTF-8, keeping its extension, and renames Windows's device names", () => {
    // A review's 200-character Vietnamese name was 266 bytes (ENAMETOOLONG), and a 300-character one lost its .docx.
    const vietnamese = safeFileName(`${"Phiếu xin lỗi ".repeat(30)}.docx`);
    expect(Buffer.byteLength(vietnamese, "utf8")).toBeLessThanOrEqual(200);
    expect(vietnamese.endsWith(".docx")).toBe(true);
    expect(safeFileName(`${"a".repeat(300)}.docx`)).toBe(`${"a".repeat(195)}.docx`);
    expect(safeFileName("😀".repeat(100))).toBe("😀".repeat(50));
    for (const name of ["CON", "nul.txt", "COM1.docx", "aux.md", "PRN.docx", "LPT9"]) expect(safeFileName(name)).toBe(`_${name}`);
    expect(safeFileName("CONTRACT.docx")).toBe("CONTRACT.docx");
  });
});

describe("uniqueFileName", () => {
  it("numbers a name already taken, ignoring case", () => {
    const taken = new Set(["a.docx", "A (2).docx"]);
    expect(uniqueFileName("b.docx", taken)).toBe("b.docx");
    expect(uniqueFileName("A.docx", taken)).toBe("A (3).docx");
  });
  it("numbers 70,000 entries of one name in linear time, remembering where each name's count stopped", () => {
    // Counted up from (2) for every entry, a hostile archive of 20,000 equal names took a minute.
    const lower = new Set<string>();
    const next = new Map<string, number>();
    const started = Date.now();
    for (let i = 0; i < 70_000; i += 1) lower.add(uniqueAmongLowerCase("Letter.docx", lower, next).toLowerCase());
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(lower.size).toBe(70_000);
    expect(lower.has("letter (70000).docx")).toBe(true);
  });
});

describe("report names", () => {
  it("adds the format's extension when the server's name lacks it", () => {
    expect(reportFileName("bao-cao-2023.xlsx", "XLSX")).toBe("bao-cao-2023.xlsx");
    expect(reportFileName("bao-cao-2023", "MARKDOWN")).toBe("bao-cao-2023.md");
  });
  it("reads the format back from a chosen file name", () => {
    expect(formatFromFileName("/tmp/r.CSV")).toBe("CSV");
    expect(formatFromFileName("r.markdown")).toBe("MARKDOWN");
    expect(formatFromFileName("r.pdf")).toBeUndefined();
  });
});
