import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { documentBytes, filesOfArchive, isArchive } from "../../extension/src/model/document-files.js";

describe("documents", () => {
  it("decodes base64 and checks the announced size", () => {
    const content = Buffer.from("PK fake docx");
    const doc = { fileName: "a.docx", mimeType: "x", byteSize: content.length, contentBase64: content.toString("base64") };
    expect(documentBytes(doc).equals(content)).toBe(true);
    expect(() => documentBytes({ ...doc, byteSize: content.length + 1 })).toThrow(/announced/);
  });

  it("unpacks a zip of letters into flat, safe, unique names", async () => {
    const bytes = Buffer.from(
      zipSync({
        "VP/HS-001.docx": strToU8("one"),
        "QLDT/HS-001.docx": strToU8("two"),
        "../../escape.docx": strToU8("three"),
        "empty/": new Uint8Array(0),
      }),
    );
    const files = await filesOfArchive(bytes, new Set(["escape.docx"]));
    expect(files.map((f) => f.name).sort()).toEqual(["HS-001 (2).docx", "HS-001.docx", "escape (2).docx"]);
    expect(files.find((f) => f.name === "escape (2).docx")?.bytes.toString()).toBe("three");
  });

  it("tells an archive from a single file", () => {
    expect(isArchive({ fileName: "letters.zip", mimeType: "application/zip" })).toBe(true);
    expect(isArchive({ fileName: "a.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" })).toBe(false);
  });
});
