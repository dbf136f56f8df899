import { describe, expect, it } from "vitest";
import { DEFAULT_LETTER_TEXTS } from "../../../server/src/documents/texts/default-letter-texts.js";
import { interpolate } from "../../../server/src/documents/texts/interpolate.js";
import {
  LetterTextsProblems,
  mergeTexts,
  validateLetterTexts,
} from "../../../server/src/documents/texts/letter-texts.validation.js";

function problemsOf(value: unknown): string[] {
  try {
    validateLetterTexts(value);
  } catch (error) {
    if (error instanceof LetterTextsProblems) return error.problems;
    throw error;
  }
  return [];
}

describe("letter texts", () => {
  it("ships defaults that pass their own checks, with both apology forms", () => {
    expect(validateLetterTexts(structuredClone(DEFAULT_LETTER_TEXTS))).toEqual(DEFAULT_LETTER_TEXTS);
    expect(DEFAULT_LETTER_TEXTS.apologyForm).toBe("TT01-2018");
    expect(Object.keys(DEFAULT_LETTER_TEXTS.apologyForms)).toEqual(["TT01-2018", "TT03-2025"]);
  });

  it("lists every problem at once: unknown placeholders, empty required text, a missing form", () => {
    const texts = mergeTexts(structuredClone(DEFAULT_LETTER_TEXTS), {
      apologyForm: "TT99",
      agency: { place: "  ", agency: "BAN {x}" },
      reminder: { subject: "V/v {caseCode}", recipients: [] },
    });
    const problems = problemsOf(texts);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("agency.place must not be empty"),
        expect.stringContaining("agency.agency may not use placeholders"),
        expect.stringContaining("reminder.subject uses {caseCode}"),
        expect.stringContaining("reminder.recipients must be a non-empty list"),
        expect.stringContaining('apologyForm "TT99" is not one of apologyForms'),
      ]),
    );
  });

  it("stores text trimmed and in NFC", () => {
    const texts = validateLetterTexts(
      mergeTexts(structuredClone(DEFAULT_LETTER_TEXTS), { agency: { place: "  Thủy Nguyên ".normalize("NFD") } }),
    ) as typeof DEFAULT_LETTER_TEXTS;
    expect(texts.agency.place).toBe("Thủy Nguyên");
  });

  it("merges an edit: objects key by key, lists replaced, null removes", () => {
    const merged = mergeTexts(structuredClone(DEFAULT_LETTER_TEXTS), {
      apologyForms: { "TT03-2025": null },
      reminder: { recipients: ["Như trên;", "Lưu: VT."] },
    }) as typeof DEFAULT_LETTER_TEXTS;
    expect(Object.keys(merged.apologyForms)).toEqual(["TT01-2018"]);
    expect(merged.reminder.recipients).toEqual(["Như trên;", "Lưu: VT."]);
    expect(merged.reminder.subject).toBe(DEFAULT_LETTER_TEXTS.reminder.subject);
  });

  it("fills placeholders and refuses one the letter does not provide", () => {
    expect(interpolate("Mã hồ sơ: {caseCode}.", { caseCode: "H01" })).toBe("Mã hồ sơ: H01.");
    expect(() => interpolate("{nope}", {})).toThrow(/\{nope\}/);
  });
});
