import type { ByteSource, CheckedPart } from "./xlsx-archive-check.js";
import { parsePartXml } from "./xlsx-part-xml.js";

/**
 * The number format of each cell style (xl/styles.xml: <cellXfs><xf numFmtId>, the codes from
 * <numFmts> or built in), by the style index a cell's `s` names. The format is what tells a date
 * from a number: Excel keeps both as numbers.
 */
export async function cellFormats(bytes: ByteSource, part: CheckedPart | undefined): Promise<(string | undefined)[]> {
  if (!part) return [];
  const custom = new Map<string, string>();
  const formatIds: string[] = [];
  let inCellFormats = false;
  const handlers = {
    open(name: string, attributes: Record<string, string>) {
      if (name === "numFmt" && attributes.numFmtId !== undefined) custom.set(attributes.numFmtId, attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellFormats = true;
      else if (name === "xf" && inCellFormats) formatIds.push(attributes.numFmtId ?? "0");
    },
    close(name: string) {
      if (name === "cellXfs") inCellFormats = false;
    },
  };
  await parsePartXml(bytes, part, handlers);
  return formatIds.map((id) => custom.get(id) ?? BUILT_IN_DATE_FORMATS.get(Number(id)));
}

/**
 * The built-in formats that show a date or a time (ECMA-376 Part 1, 18.8.30); the rest show
 * numbers or text. 27–36 and 50–58 are the East Asian date formats, read as days.
 */
const BUILT_IN_DATE_FORMATS = new Map<number, string>([
  [14, "mm-dd-yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, "m/d/yy h:mm"],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  ...[27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58].map((id): [number, string] => [id, "yyyy-mm-dd"]),
]);
