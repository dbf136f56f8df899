import { describe, expect, it } from "vitest";
import { buildReminderLetter } from "../../../server/src/documents/letters/reminder-letter.js";
import { DEFAULT_LETTER_TEXTS } from "../../../server/src/documents/texts/default-letter-texts.js";
import { sampleReminderModel } from "../../../server/src/documents/samples/sample-models.js";
import { fromVietnamWallClock } from "../../../server/src/domain/vietnam-time.js";
import { openDocx, paragraphTexts, paragraphXml } from "./docx-reading.js";
import { expectInOrder } from "./text-order.js";

describe("buildReminderLetter", () => {
  it("is a công văn: Số …/TB-BQL, V/v, Kính gửi the units, the deadline, the table, the request, the signature", async () => {
    const { documentXml, paragraphs } = await openDocx(await buildReminderLetter(sampleReminderModel(), DEFAULT_LETTER_TEXTS));
    const text = paragraphs.join("\n");
    const order = [
      "UBND THÀNH PHỐ HẢI PHÒNG",
      "BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG",
      "/TB-BQL",
      "V/v đôn đốc",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Hải Phòng, ngày 14 tháng 11 năm 2023",
      "Kính gửi:\t- Phòng Quản lý Doanh nghiệp và Giám sát đầu tư;",
      "- Phòng Quản lý Đầu tư;",
      "- Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm.",
      "Văn bản số 2315/TB-BQL ngày 08/11/2023",
      "về việc triển khai rà soát",
      "trước ngày 17/11/2023",
      "16 giờ 30 phút ngày 14/11/2023, còn 3 đơn vị",
      "Hồ sơ quá hạn chưa xin lỗi",
      "Công việc chưa báo cáo hoàn thành",
      "Công việc chưa lập hồ sơ",
      "Tỷ lệ hoàn thành",
      "khẩn trương",
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT, VP.",
      "KT. TRƯỞNG BAN",
      "PHÓ TRƯỞNG BAN",
      "Trần Quang Minh",
    ];
    expectInOrder(text, order);
    expect(text).toMatch(/Số: +\/TB-BQL/);
    expect(paragraphXml(documentXml, "Trần Quang Minh")).toContain("<w:b/>");
  });

  it("tabulates what each unit owes: cases without apology, tasks not reported, not filed, rate", async () => {
    const { documentXml } = await openDocx(await buildReminderLetter(sampleReminderModel(), DEFAULT_LETTER_TEXTS));
    const tables = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const grid = tables.find((t) => t.includes("Tỷ lệ hoàn thành"));
    expect(grid).toBeDefined();
    const rows = [...(grid as string).matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphTexts(c[0]).join(" ")),
    );
    expect(rows.slice(1)).toEqual([
      ["1", "Phòng Quản lý Doanh nghiệp và Giám sát đầu tư", "2", "2", "2", "71,2%"],
      ["2", "Phòng Quản lý Đầu tư", "1", "0", "1", "87,5%"],
      ["3", "Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm", "0", "1", "1", "96,7%"],
    ]);
  });

  it("attaches the list of each unit's cases and tasks still owed, on a new page after the signature", async () => {
    const { documentXml, paragraphs } = await openDocx(await buildReminderLetter(sampleReminderModel(), DEFAULT_LETTER_TEXTS));
    const text = paragraphs.join("\n");
    const order = [
      "Danh sách hồ sơ, công việc còn tồn đọng của từng đơn vị tại Phụ lục kèm theo.",
      "Trần Quang Minh",
      "Phụ lục",
      "DANH SÁCH HỒ SƠ, CÔNG VIỆC CÒN TỒN ĐỌNG",
      "(Kèm theo Văn bản số      /TB-BQL ngày 14/11/2023 của Ban Quản lý Khu kinh tế Hải Phòng)",
      "1. Phòng Quản lý Doanh nghiệp và Giám sát đầu tư",
      "Hồ sơ thủ tục hành chính quá hạn chưa xin lỗi:",
      "000.00.31.H10-230502-0017",
      "08/05/2023",
      "Đang xử lý quá hạn",
      "Công việc trên HpNet chưa báo cáo hoàn thành hoặc chưa lập hồ sơ:",
      "HP-2023-0415",
      "Chưa báo cáo hoàn thành; Chưa lập hồ sơ",
      "HP-2023-0502",
      "Chưa lập hồ sơ",
      "2. Phòng Quản lý Đầu tư",
      "000.00.31.H10-230301-0005",
      "HP-2023-0733",
    ];
    expectInOrder(text, order);
    // The third unit has counts but no listed items here: no empty section for it.
    expect(text).not.toContain("3. Trung tâm");
    const headingParagraph = [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((p) => paragraphTexts(p[0]).join("") === "Phụ lục");
    expect(headingParagraph?.[0]).toContain("<w:pageBreakBefore/>");
  });

  it("has no appendix when the model lists no items", async () => {
    const model = sampleReminderModel();
    model.units = model.units.map(({ cases: _c, tasks: _t, ...u }) => u);
    const { paragraphs } = await openDocx(await buildReminderLetter(model, DEFAULT_LETTER_TEXTS));
    expect(paragraphs.join("\n")).not.toContain("Phụ lục");
  });

  it("after the deadline asks to finish at once instead", async () => {
    const model = { ...sampleReminderModel(), asOf: fromVietnamWallClock("2023-11-18", 0, 0) };
    const { paragraphs } = await openDocx(await buildReminderLetter(model, DEFAULT_LETTER_TEXTS));
    const text = paragraphs.join("\n");
    expect(text).toContain("Thời hạn hoàn thành ngày 17/11/2023 đã hết");
    expect(text).not.toContain("khẩn trương");
    expect(text).toContain("Hải Phòng, ngày 18 tháng 11 năm 2023");
  });

  it("addresses a single unit on the Kính gửi line itself", async () => {
    const model = sampleReminderModel();
    model.units = model.units.slice(1, 2);
    const { paragraphs } = await openDocx(await buildReminderLetter(model, DEFAULT_LETTER_TEXTS));
    expect(paragraphs).toContain("Kính gửi: Phòng Quản lý Đầu tư.");
    expect(paragraphs.join("\n")).toContain("còn 1 đơn vị");
  });
});
