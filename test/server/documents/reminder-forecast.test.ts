import { describe, expect, it } from "vitest";
import { buildReminderLetter } from "../../../server/src/documents/letters/reminder-letter.js";
import { DEFAULT_LETTER_TEXTS } from "../../../server/src/documents/texts/default-letter-texts.js";
import { validateLetterTexts, mergeTexts } from "../../../server/src/documents/texts/letter-texts.validation.js";
import { sampleReminderModel } from "../../../server/src/documents/samples/sample-models.js";
import { openDocx } from "./docx-reading.js";

/** The reminder's forecast sentences: one per at-risk unit, before the deadline only, off when its text is empty. */
function modelWithRisks() {
  const model = sampleReminderModel();
  model.units[0].atRisk = { expectedDay: "2023-11-24" };
  model.units[2].atRisk = { expectedDay: null };
  return model;
}

const text = async (bytes: Buffer) => (await openDocx(bytes)).paragraphs.join("\n");

describe("the reminder's forecast sentences", () => {
  it("adds one sentence per unit at risk, naming its expected day, or that it made no progress", async () => {
    const model = modelWithRisks();
    const letter = await text(await buildReminderLetter(model, DEFAULT_LETTER_TEXTS));
    expect(letter).toContain(`Theo tiến độ hiện nay, ${model.units[0].unitName} dự kiến hoàn thành ngày 24/11/2023, sau thời hạn.`);
    expect(letter).toContain(`Theo tiến độ hiện nay, ${model.units[2].unitName} không có tiến triển trong 7 ngày qua`);
    expect(letter.match(/Theo tiến độ hiện nay/g)).toHaveLength(2);
  });

  it("is switched off by an empty text, and left out once the deadline has passed", async () => {
    const off = validateLetterTexts(mergeTexts(structuredClone(DEFAULT_LETTER_TEXTS), { reminder: { forecastSentence: "", forecastStalledSentence: "" } }));
    expect(await text(await buildReminderLetter(modelWithRisks(), off))).not.toContain("Theo tiến độ hiện nay");
    const late = { ...modelWithRisks(), asOf: new Date("2023-11-20T03:00:00Z") };
    expect(await text(await buildReminderLetter(late, DEFAULT_LETTER_TEXTS))).not.toContain("Theo tiến độ hiện nay");
  });

  it("refuses a placeholder the sentence cannot fill", () => {
    expect(() => validateLetterTexts(mergeTexts(structuredClone(DEFAULT_LETTER_TEXTS), { reminder: { forecastSentence: "{unitName} {caseCode}" } }))).toThrow(/forecastSentence uses \{caseCode\}/);
  });
});
