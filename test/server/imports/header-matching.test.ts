import { describe, expect, it } from "vitest";
import { headerKey, matchHeader } from "../../../server/src/imports/header-matching.js";
import { CASE_COLUMNS, TASK_COLUMNS } from "../../../server/src/imports/import-columns.js";

describe("header matching", () => {
  it("ignores case, diacritics, spaces and underscores, composed or decomposed", () => {
    const key = headerKey("ma_ho_so");
    for (const header of ["Mã hồ sơ", "MA HO SO", "ma_ho_so", "MÃ HỒ SƠ", "Ma\u0303 ho\u0302\u0300 so\u031b", " mãhồsơ "]) {
      expect(headerKey(header)).toBe(key);
    }
    expect(headerKey("Mã đơn vị")).toBe(headerKey("MA DON VI"));
    expect(headerKey("Received_At")).toBe(headerKey("received at"));
  });

  it("finds columns in any order, by English or Vietnamese name, ignoring unknown ones", () => {
    const match = matchHeader(
      ["STT", "Ngày hẹn trả", "code", "Tên thủ tục", "NGUOI NOP", "unit code", "Ngày tiếp nhận", "Ghi chú"],
      CASE_COLUMNS,
    );
    expect(match.ok).toBe(true);
    if (!match.ok) return;
    expect(Object.fromEntries(match.map.positions)).toEqual({
      due_at: 1,
      code: 2,
      procedure_name: 3,
      applicant_name: 4,
      unit_code: 5,
      received_at: 6,
    });
    expect(match.map.labels.get("applicant_name")).toBe("NGUOI NOP");
  });

  it("reports every duplicate and every missing required column on line 1", () => {
    const match = matchHeader(["Mã hồ sơ", "Tên thủ tục", "CODE", "Ngày tiếp nhận", "received_at"], CASE_COLUMNS);
    expect(match.ok).toBe(false);
    if (match.ok) return;
    expect(match.errors).toEqual([
      {
        line: 1,
        column: "code",
        message: 'Columns "Mã hồ sơ" and "CODE" are the same column (code / Mã hồ sơ); keep only one.',
      },
      {
        line: 1,
        column: "received_at",
        message: 'Columns "Ngày tiếp nhận" and "received_at" are the same column (received_at / Ngày tiếp nhận); keep only one.',
      },
      { line: 1, column: "applicant_name", message: 'The required column "Người nộp" (applicant_name) is missing from the header line.' },
      { line: 1, column: "unit_code", message: 'The required column "Mã đơn vị" (unit_code) is missing from the header line.' },
      { line: 1, column: "due_at", message: 'The required column "Ngày hẹn trả" (due_at) is missing from the header line.' },
    ]);
  });

  it("names the column a header was meant to be when only its marks differ (a template's \"(*)\")", () => {
    const match = matchHeader(["Mã hồ sơ (*)", "Tên thủ tục", "Người nộp", "Mã đơn vị.", "Ngày tiếp nhận", "Ngày hẹn trả", "Ghi chú"], CASE_COLUMNS);
    expect(match.ok).toBe(false);
    if (match.ok) return;
    expect(match.errors).toEqual([
      {
        line: 1,
        column: "code",
        message:
          'The required column "Mã hồ sơ" (code) is missing from the header line. ' +
          'The header "Mã hồ sơ (*)" differs from it only by its marks: write it as "Mã hồ sơ" (or code).',
      },
      {
        line: 1,
        column: "unit_code",
        message:
          'The required column "Mã đơn vị" (unit_code) is missing from the header line. ' +
          'The header "Mã đơn vị." differs from it only by its marks: write it as "Mã đơn vị" (or unit_code).',
      },
    ]);
  });

  it("does not require optional columns", () => {
    const match = matchHeader(
      ["external_id", "title", "unit_code", "assigned_at"],
      TASK_COLUMNS,
    );
    expect(match.ok).toBe(true);
  });
});
