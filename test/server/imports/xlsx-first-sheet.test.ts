import { describe, expect, it } from "vitest";
import { firstSheetNumber } from "../../../server/src/imports/xlsx-first-sheet.js";

// As Excel writes them: the main namespace unprefixed, relationships under r:, sheetId beside r:id.
const workbook = (sheets: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets><calcPr calcId="191029"/></workbook>`;
const rels = (targets: Record<string, string>) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Object.entries(targets)
    .map(([id, target]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"/>`)
    .join("")}<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

describe("firstSheetNumber: the part of the first tab", () => {
  it("follows the first <sheet> through its relationship, not its sheetId nor the parts' numbers", () => {
    const xml = workbook(`<sheet name="Quý IV" sheetId="1" r:id="rId2"/><sheet name="Quý III" sheetId="2" r:id="rId1"/>`);
    expect(firstSheetNumber(xml, rels({ rId1: "worksheets/sheet1.xml", rId2: "worksheets/sheet2.xml" }))).toBe("2");
  });

  it("passes over hidden sheets (a template's list of choices), unless every sheet is hidden", () => {
    const targets = rels({ rId1: "worksheets/sheet1.xml", rId2: "worksheets/sheet2.xml", rId3: "worksheets/sheet3.xml" });
    const sheets = `<sheet name="DanhMuc" sheetId="1" state="veryHidden" r:id="rId1"/><sheet name="An" sheetId="2" state="hidden" r:id="rId2"/><sheet name="Hồ sơ" sheetId="3" r:id="rId3"/>`;
    expect(firstSheetNumber(workbook(sheets), targets)).toBe("3");
    expect(firstSheetNumber(workbook(`<sheet name="DanhMuc" sheetId="1" state="hidden" r:id="rId1"/>`), targets)).toBe("1");
  });

  it("takes a target from the archive's root and any prefix for the relationships' namespace", () => {
    const xml = workbook(`<sheet name="A" sheetId="3" rel:id="rId7"/>`).replace('xmlns:r=', 'xmlns:rel=');
    expect(firstSheetNumber(xml, rels({ rId7: "/xl/worksheets/sheet3.xml" }))).toBe("3");
  });

  it("says nothing when the workbook does not: no sheets, an unknown relationship, a chart sheet first", () => {
    expect(firstSheetNumber("", "")).toBeNull();
    expect(firstSheetNumber(workbook(`<sheet name="A" sheetId="1" r:id="rId5"/>`), rels({ rId1: "worksheets/sheet1.xml" }))).toBeNull();
    expect(firstSheetNumber(workbook(`<sheet name="Biểu đồ" sheetId="1" r:id="rId1"/>`), rels({ rId1: "chartsheets/sheet1.xml" }))).toBeNull();
  });
});
