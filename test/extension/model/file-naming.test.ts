import { describe, expect, it } from "vitest";
import { formatFromFileName, reportFileName, safeFileName, uniqueFileName } from "../../../extension/src/model/file-naming.js";

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
});

describe("uniqueFileName", () => {
  it("numbers a name already taken, ignoring case", () => {
    const taken = new Set(["a.docx", "A (2).docx"]);
    expect(uniqueFileName("b.docx", taken)).toBe("b.docx");
    expect(uniqueFileName("A.docx", taken)).toBe("A (3).docx");
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
