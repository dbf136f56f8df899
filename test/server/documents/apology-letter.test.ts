import { describe, expect, it } from "vitest";
import { buildApologyLetter } from "../../../server/src/documents/letters/apology-letter.js";
import { DEFAULT_LETTER_TEXTS } from "../../../server/src/documents/texts/default-letter-texts.js";
import { sampleApologyModel } from "../../../server/src/documents/samples/sample-models.js";
import type { LetterTexts } from "../../../server/src/documents/texts/letter-texts.js";
import { openDocx, paragraphXml } from "./docx-reading.js";
import { expectInOrder } from "./text-order.js";

const TWIPS_PER_MM = 1440 / 25.4;

function attribute(xml: string, element: string, name: string): number {
  const match = new RegExp(`<${element} [^>]*w:${name}="(\\d+)"`).exec(xml);
  if (!match) throw new Error(`${element} has no ${name}`);
  return Number(match[1]);
}

describe("buildApologyLetter", () => {
  it("lays the page out per Decree 30/2020: A4 portrait, the margins, Times New Roman 13-14 pt", async () => {
    const { documentXml } = await openDocx(await buildApologyLetter(sampleApologyModel(), DEFAULT_LETTER_TEXTS));
    const mm = (name: string, element = "w:pgMar"): number => attribute(documentXml, element, name) / TWIPS_PER_MM;
    expect(mm("w", "w:pgSz")).toBeCloseTo(210, 0);
    expect(mm("h", "w:pgSz")).toBeCloseTo(297, 0);
    expect(documentXml).not.toMatch(/w:orient="landscape"/);
    for (const [side, low, high] of [["top", 20, 25], ["bottom", 20, 25], ["left", 30, 35], ["right", 15, 20]] as const) {
      expect(mm(side)).toBeGreaterThanOrEqual(low - 0.1);
      expect(mm(side)).toBeLessThanOrEqual(high + 0.1);
    }
    const fonts = new Set([...documentXml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
    const body = paragraphXml(documentXml, "Lý do:");
    expect(body).toMatch(/<w:sz w:val="(26|28)"\/>/);
    expect(body).toMatch(/<w:jc w:val="both"\/>/);
    expect(body).toMatch(/w:firstLine="(\d+)"/);
  });

  it("writes the two-column header, title, Kính gửi, body, Nơi nhận and the signature", async () => {
    const model = sampleApologyModel("H01");
    const { documentXml, paragraphs } = await openDocx(await buildApologyLetter(model, DEFAULT_LETTER_TEXTS));
    const text = paragraphs.join("\n");
    const order = [
      "UBND THÀNH PHỐ HẢI PHÒNG",
      "BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG",
      "Số: 12/PXL-QLĐT",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Hải Phòng, ngày 19 tháng 01 năm 2023",
      "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
      "Kính gửi: Công ty TNHH Cơ khí chính xác Đình Vũ.",
      "Ngày 03/01/2023",
      "Điều chỉnh Giấy chứng nhận đăng ký đầu tư",
      "Mã hồ sơ: H01",
      "ngày 17/01/2023",
      "không được giải quyết và trả kết quả đúng thời gian",
      "Lý do: Hồ sơ cần lấy ý kiến thẩm định của Sở Kế hoạch và Đầu tư, Sở Xây dựng; văn bản góp ý đến chậm so với thời hạn.",
      "trân trọng xin lỗi",
      "ngày 06/02/2023",
      "Xin trân trọng cảm ơn./.",
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT, QLĐT.",
      "KT. TRƯỞNG BAN",
      "PHÓ TRƯỞNG BAN",
      "Lê Thị Thu Hằng",
    ];
    expectInOrder(text, order);
    expect(paragraphXml(documentXml, "BAN QUẢN LÝ KHU KINH TẾ")).toContain("<w:b/>");
    expect(paragraphXml(documentXml, "CỘNG HÒA XÃ HỘI")).toContain("<w:b/>");
    expect(paragraphXml(documentXml, "Độc lập - Tự do")).toMatch(/<w:u w:val="single"\/>/);
    expect(paragraphXml(documentXml, "Hải Phòng, ngày")).toContain("<w:i/>");
    const received = paragraphXml(documentXml, "Nơi nhận:");
    expect(received).toContain("<w:b/>");
    expect(received).toContain("<w:i/>");
    expect(paragraphXml(documentXml, "Lê Thị Thu Hằng")).toContain("<w:b/>");
    expect(paragraphXml(documentXml, "PHIẾU XIN LỖI")).toContain("<w:b/>");
    // The two header columns and the signature row are borderless tables side by side.
    expect(documentXml.match(/<w:tbl>/g)?.length).toBe(2);
  });

  it("writes the Vietnamese text in NFC even when the input arrives decomposed", async () => {
    const model = sampleApologyModel();
    model.applicantName = "Ông Nguyễn Văn Đức".normalize("NFD");
    const { documentXml, paragraphs } = await openDocx(await buildApologyLetter(model, DEFAULT_LETTER_TEXTS));
    expect(documentXml).toBe(documentXml.normalize("NFC"));
    expect(paragraphs.join("\n")).toContain("Kính gửi: Ông Nguyễn Văn Đức.");
  });

  it("dates the letter by the Vietnam day of issue, pads day and January-February months", async () => {
    const model = sampleApologyModel();
    model.apology.issuedAt = new Date("2024-03-04T17:30:00Z");
    const { paragraphs } = await openDocx(await buildApologyLetter(model, DEFAULT_LETTER_TEXTS));
    expect(paragraphs).toContain("Hải Phòng, ngày 05 tháng 3 năm 2024");
  });

  it("numbers pages from page 2, centred at the top", async () => {
    const { documentXml, headerXml } = await openDocx(await buildApologyLetter(sampleApologyModel(), DEFAULT_LETTER_TEXTS));
    expect(documentXml).toContain("<w:titlePg/>");
    const numbered = headerXml.filter((xml) => xml.includes("PAGE"));
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toContain('<w:jc w:val="center"/>');
  });

  it("takes its sentences from the texts: the 2025 form and an edited agency", async () => {
    const texts: LetterTexts = structuredClone(DEFAULT_LETTER_TEXTS);
    texts.apologyForm = "TT03-2025";
    texts.agency.place = "Thủy Nguyên";
    const { paragraphs } = await openDocx(await buildApologyLetter(sampleApologyModel(), texts));
    expect(paragraphs).toContain("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
    expect(paragraphs).toContain("Thủy Nguyên, ngày 19 tháng 01 năm 2023");
    expect(paragraphs.join("\n")).toContain("đề nghị gia hạn thời gian giải quyết hồ sơ đến ngày 06/02/2023");
  });

  it("says the result cannot be on time when issued before the due moment, was not when after", async () => {
    const before = sampleApologyModel();
    before.apology.issuedAt = new Date(before.dueAt.getTime() - 24 * 3600 * 1000);
    const early = (await openDocx(await buildApologyLetter(before, DEFAULT_LETTER_TEXTS))).paragraphs;
    expect(early).toContain("Tuy nhiên, hồ sơ không thể giải quyết và trả kết quả đúng thời gian đã hẹn.");
    const late = (await openDocx(await buildApologyLetter(sampleApologyModel(), DEFAULT_LETTER_TEXTS))).paragraphs;
    expect(late).toContain("Tuy nhiên, hồ sơ đã không được giải quyết và trả kết quả đúng thời gian đã hẹn.");
  });

  it("escapes XML in the data", async () => {
    const model = sampleApologyModel();
    model.apology.reason = 'Thiếu "bản vẽ" <A3> & chữ ký';
    const { paragraphs } = await openDocx(await buildApologyLetter(model, DEFAULT_LETTER_TEXTS));
    expect(paragraphs).toContain('Lý do: Thiếu "bản vẽ" <A3> & chữ ký.');
  });
});
