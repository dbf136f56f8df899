/**
 * The number N of the part xl/worksheets/sheetN.xml that holds a workbook's first sheet as its
 * tabs show it: the first <sheet> of xl/workbook.xml that is not hidden (a template's hidden list
 * of choices is no tab), through its relationship in xl/_rels/workbook.xml.rels. The import
 * formats read "the first sheet", and the parts' names and their order in the archive need not
 * follow the tabs (a workbook whose tabs were moved), so reading the first sheet part stored would
 * import another sheet's rows, or a guide's. Null when the workbook does not say (then the first
 * sheet stored is read, as exceljs emits it).
 */
export function firstSheetNumber(workbookXml: string, workbookRelsXml: string): string | null {
  const sheets = /<(?:[\w.-]+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?sheets>/.exec(workbookXml)?.[1];
  const all = sheets === undefined ? [] : [...sheets.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)].map(([sheet]) => sheet);
  const first = all.find((sheet) => !/^(hidden|veryHidden)$/.test(attribute(sheet, "state") ?? "")) ?? all[0];
  // The relationship id is the one attribute named "id" in a namespace (r:id); sheetId is not it.
  const relationshipId = first === undefined ? undefined : /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(first)?.[1];
  if (relationshipId === undefined) return null;
  for (const [relationship] of workbookRelsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    if (attribute(relationship, "Id") !== relationshipId) continue;
    const target = attribute(relationship, "Target");
    // Relative to xl/ (worksheets/sheet2.xml), or from the archive's root (/xl/worksheets/sheet2.xml).
    const path = target === null ? null : target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    return path === null ? null : (/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path)?.[1] ?? null);
  }
  return null;
}

function attribute(element: string, name: string): string | null {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(element)?.[1] ?? null;
}
