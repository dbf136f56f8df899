import { SaxesParser } from "saxes";

/**
 * The number N of the part xl/worksheets/sheetN.xml that holds a workbook's first sheet as its
 * tabs show it: the first <sheet> of xl/workbook.xml that is not hidden (a template's hidden list
 * of choices is no tab), through its relationship in xl/_rels/workbook.xml.rels. The import
 * formats read "the first sheet", and the parts' names and their order in the archive need not
 * follow the tabs (a workbook whose tabs were moved), so reading the first sheet part stored would
 * import another sheet's rows, or a guide's. Null when the workbook does not say (then the first
 * worksheet part of the archive's directory is read).
 *
 * The two parts come from the file being imported, so they are read by a SAX parser (saxes) in
 * one pass: patterns over the text took time growing with its square on a
 * hostile part (a few KB zipped, minutes of the event loop).
 */
export function firstSheetNumber(workbookXml: string, workbookRelsXml: string): string | null {
  return sheetNumberOf(firstSheetPath(workbookXml, workbookRelsXml));
}

/** N of a part named xl/worksheets/sheetN.xml; null for another name. */
export function sheetNumberOf(path: string | null): string | null {
  return path === null ? null : (/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path)?.[1] ?? null);
}

/** The archive path of the first tab's worksheet part (any name, xl/worksheets/data.xml too); null when the workbook does not say. */
export function firstSheetPath(workbookXml: string, workbookRelsXml: string): string | null {
  const sheets = elements(workbookXml, "sheet");
  const first = sheets.find((sheet) => sheet.state !== "hidden" && sheet.state !== "veryHidden") ?? sheets[0];
  // The relationship id is the one attribute named "id" in a namespace (r:id); sheetId is not it.
  const idName = first === undefined ? undefined : Object.keys(first).find((name) => /^[^:]+:id$/.test(name));
  if (first === undefined || idName === undefined) return null;
  const relationship = elements(workbookRelsXml, "Relationship").find((r) => r.Id === first[idName]);
  const target = relationship?.Target;
  if (target === undefined) return null;
  // Relative to xl/ (worksheets/sheet2.xml), or from the archive's root (/xl/worksheets/sheet2.xml).
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  // A chart sheet is a tab too, but holds no rows.
  return /^xl\/worksheets\/[^/]+\.xml$/.test(path) ? path : null;
}

/** Whether the workbook counts its dates from 1904 (<workbookPr date1904="1"/>, old Mac workbooks) rather than 1900. */
export function usesDate1904(workbookXml: string): boolean {
  const properties = elements(workbookXml, "workbookPr")[0];
  return properties?.date1904 === "1" || properties?.date1904 === "true";
}

/**
 * The attributes of every element of that local name (any prefix), in document order; none for an
 * absent part (""). Text that is not well-formed XML throws saxes's error: the workbook is damaged.
 */
function elements(xml: string, localName: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  if (xml === "") return found;
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    if (tag.name.slice(tag.name.indexOf(":") + 1) === localName) found.push(tag.attributes as Record<string, string>);
  });
  parser.write(xml).close();
  return found;
}
