import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildApologyZip } from "../../../server/src/documents/archive/apology-zip.js";
import { apologyLetterRenderer, buildApologyLetter } from "../../../server/src/documents/letters/apology-letter.js";
import { sampleApologyModel } from "../../../server/src/documents/samples/sample-models.js";
import { DEFAULT_LETTER_TEXTS } from "../../../server/src/documents/texts/default-letter-texts.js";
import type { LetterTexts } from "../../../server/src/documents/texts/letter-texts.js";

/** The fast path (template filled per letter) must write what the layout code writes. */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip).sort()) out[name] = strFromU8(zip[name]);
  return out;
}

/** core.xml carries the moment the file was made; everything else must match byte for byte. */
function withoutTimestamps(files: Record<string, string>): Record<string, string> {
  return { ...files, "docProps/core.xml": files["docProps/core.xml"].replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, "") };
}

describe("apologyLetterRenderer", () => {
  it("writes every part as buildApologyLetter does, for ordinary and awkward values", async () => {
    const awkward = sampleApologyModel("HS/2023-001");
    awkward.applicantName = 'Công ty "Ánh Dương" & <Cộng sự>'.normalize("NFD");
    awkward.apology.reason = "Thiếu bản vẽ\u0007 A3; chờ {ý kiến}";
    const texts: LetterTexts = structuredClone(DEFAULT_LETTER_TEXTS);
    // A placeholder inside a sentence the layout upper-cases: the value must be upper-cased too.
    texts.apologyForms["TT01-2018"].title = "PHIẾU XIN LỖI (hồ sơ {caseCode})";
    for (const model of [sampleApologyModel("H01"), awkward]) {
      for (const t of [DEFAULT_LETTER_TEXTS, texts]) {
        const render = await apologyLetterRenderer(t);
        const fast = withoutTimestamps(await parts(render(model)));
        const slow = withoutTimestamps(await parts(await buildApologyLetter(model, t)));
        expect(Object.keys(fast)).toEqual(Object.keys(slow));
        for (const name of Object.keys(slow)) expect(fast[name], name).toBe(slow[name]);
      }
    }
  });

  it("upper-cases a value placed in an upper-cased sentence", async () => {
    const texts: LetterTexts = structuredClone(DEFAULT_LETTER_TEXTS);
    texts.apologyForms["TT01-2018"].title = "PHIẾU XIN LỖI {applicantName}";
    const render = await apologyLetterRenderer(texts);
    const xml = (await parts(render(sampleApologyModel())))["word/document.xml"];
    expect(xml).toContain("PHIẾU XIN LỖI CÔNG TY TNHH CƠ KHÍ CHÍNH XÁC ĐÌNH VŨ");
    expect(xml).not.toMatch(/[\uE000\uE001]/);
  });
});

describe("buildApologyZip", () => {
  it("holds one readable .docx per case, named by code, distinct even when codes collide as file names", async () => {
    const models = [sampleApologyModel("H01"), sampleApologyModel("A/1"), sampleApologyModel("A-1"), sampleApologyModel("QLĐT-7")];
    const zip = unzipSync(await buildApologyZip(models, DEFAULT_LETTER_TEXTS));
    expect(Object.keys(zip)).toEqual(["xin-loi-H01.docx", "xin-loi-A-1.docx", "xin-loi-A-1-2.docx", "xin-loi-QLDT-7.docx"]);
    const codes: string[] = [];
    for (const name of Object.keys(zip)) {
      const xml = (await parts(zip[name]))["word/document.xml"];
      codes.push(/Mã hồ sơ: ([^.<]+)\./.exec(xml)?.[1] ?? "");
    }
    expect(codes).toEqual(["H01", "A/1", "A-1", "QLĐT-7"]);
  });

  it("is an empty but valid zip when the scope has no apology", async () => {
    const zip = unzipSync(await buildApologyZip([], DEFAULT_LETTER_TEXTS));
    expect(Object.keys(zip)).toEqual([]);
  });
});

describe("writeApologyZip", () => {
  it("stops, and fails, when the receiver goes away mid-download", async () => {
    const { PassThrough } = await import("node:stream");
    const { writeApologyZip } = await import("../../../server/src/documents/archive/apology-zip.js");
    const sink = new PassThrough();
    let built = 0;
    function* letters() {
      for (let i = 0; i < 500; i += 1) {
        built += 1;
        yield sampleApologyModel(`H${i}`);
      }
    }
    sink.once("data", () => sink.destroy());
    await expect(writeApologyZip(letters(), DEFAULT_LETTER_TEXTS, sink)).rejects.toThrow(/closed the stream/);
    expect(built).toBeLessThan(500);
  });
});
