import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildReminderLetter, type ReminderLetterModel, type ReminderUnitRow } from "../../../server/src/documents/letters/reminder-letter.js";
import { packDecree30 } from "../../../server/src/documents/letters/decree30.js";
import { TextRowTables, docxGridTables } from "../../../server/src/documents/letters/text-rows.js";
import { sampleReminderModel } from "../../../server/src/documents/samples/sample-models.js";
import { DEFAULT_LETTER_TEXTS } from "../../../server/src/documents/texts/default-letter-texts.js";
import { fromVietnamWallClock } from "../../../server/src/domain/vietnam-time.js";

/**
 * The reminder's appendix rows are written as text into docx's document.xml (text-rows.ts); the
 * letter must be what docx writes when it builds every row itself, byte for byte.
 */
function parts(bytes: Uint8Array): Record<string, string> {
  const zip = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip)) out[name] = strFromU8(zip[name]);
  // core.xml carries the moment the file was made.
  out["docProps/core.xml"] = out["docProps/core.xml"].replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, "");
  return out;
}

/** Texts that an escaping or normalising slip would show: XML specials, a control character, NFD, empty. */
const AWKWARD = ['Công ty "Ánh Dương" & <Cộng sự>', "Thiếu bản vẽ\u0007 A3; chờ {ý kiến}", "Nguyễn Văn Ẩn".normalize("NFD"), "", "  hai  khoảng  "];

function unit(u: number, rows: number, lists: { cases?: boolean; tasks?: boolean; people?: boolean } = {}): ReminderUnitRow {
  const text = (i: number, base: string): string => (i % 7 === 3 ? AWKWARD[i % AWKWARD.length] : `${base} ${u}-${i}`);
  const day = (i: number): Date => fromVietnamWallClock(`2023-0${1 + (i % 9)}-1${i % 10}`, 8 + (i % 9), 30);
  return {
    unitCode: `U${u}`,
    unitName: `Phòng số ${u} & <cộng sự>`,
    casesWithoutApology: rows + 5,
    tasksNotReported: rows,
    tasksNotFiled: rows + 1,
    rate: 0.5 + u / 10,
    cases: lists.cases === false ? [] : Array.from({ length: rows }, (_, i) => ({
      caseCode: text(i, "HS"),
      procedureName: text(i + 1, "Cấp Giấy chứng nhận đăng ký đầu tư"),
      dueAt: day(i),
      timeliness: i % 2 === 0 ? "OVERDUE" : "LATE",
      workingDaysLate: i,
    })),
    tasks: lists.tasks === false ? [] : Array.from({ length: rows }, (_, i) => ({
      externalId: `HP-${u}-${i}`,
      title: text(i + 2, "Báo cáo tình hình"),
      assignedAt: day(i + 3),
      reported: i % 3 === 0,
      filed: i % 3 === 1,
    })),
    people: lists.people === false ? [] : Array.from({ length: rows }, (_, i) => ({
      assignee: i % 11 === 5 ? null : text(i + 3, "Người"),
      tasks: i + 2,
      notReported: i,
      notFiled: 1,
    })),
    casesLeftOut: u === 1 ? 1234 : undefined,
  };
}

function model(units: ReminderUnitRow[]): ReminderLetterModel {
  return { ...sampleReminderModel(), units };
}

async function expectSameLetter(m: ReminderLetterModel): Promise<void> {
  const fast = parts(await buildReminderLetter(m, DEFAULT_LETTER_TEXTS));
  const slow = parts(await buildReminderLetter(m, DEFAULT_LETTER_TEXTS, docxGridTables));
  expect(Object.keys(fast)).toEqual(Object.keys(slow));
  for (const name of Object.keys(slow)) expect(fast[name] === slow[name], name).toBe(true);
  expect(fast["word/document.xml"]).not.toMatch(/[\uE000\uE001]/);
}

describe("the reminder's appendix rows written as text", () => {
  it("writes document.xml byte for byte as docx does: 3 units × 120 rows per list, awkward texts", async () => {
    const m = model([unit(1, 120), unit(2, 120), unit(3, 120)]);
    await expectSameLetter(m);
    const xml = parts(await buildReminderLetter(m, DEFAULT_LETTER_TEXTS))["word/document.xml"];
    // Nine lists of 120 rows and their header rows, plus the summary's four.
    expect(xml.match(/<w:tr>/g)?.length).toBe(9 * 121 + 4 + 2);
  });

  it("leaves out an empty list's table as before, and a unit with no list at all", async () => {
    await expectSameLetter(
      model([unit(1, 3, { cases: false }), unit(2, 0), unit(3, 1, { tasks: false, people: false }), unit(4, 2, { people: false })]),
    );
  });

  it("is the sample letter unchanged, and docx's own bytes when no table is marked", async () => {
    await expectSameLetter(sampleReminderModel());
    const docx = await packDecree30("t", []);
    expect(new TextRowTables().finish(docx)).toBe(docx);
  });

  it("is not misled by a unit's name or a cell holding marker-like characters (each letter draws its own markers)", async () => {
    const lookalike = "\uE0000.0x\uE001 \uE0001.1X\uE001";
    const hostile = unit(1, 5);
    hostile.unitName = `Phòng ${lookalike}`;
    hostile.cases = hostile.cases?.map((c) => ({ ...c, procedureName: lookalike }));
    const m = model([hostile, unit(2, 5)]);
    const fast = parts(await buildReminderLetter(m, DEFAULT_LETTER_TEXTS));
    const slow = parts(await buildReminderLetter(m, DEFAULT_LETTER_TEXTS, docxGridTables));
    expect(fast["word/document.xml"] === slow["word/document.xml"]).toBe(true);
  });

  it("makes a table with no row as docx does", async () => {
    const tables = new TextRowTables();
    const table = tables.table(["A", "B"], [], [10, 20]);
    const slow = parts(await packDecree30("t", [docxGridTables.table(["A", "B"], [], [10, 20])]));
    const fast = parts(tables.finish(await packDecree30("t", [table])));
    expect(fast["word/document.xml"]).toBe(slow["word/document.xml"]);
  });
});
