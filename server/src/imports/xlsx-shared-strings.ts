import type { ByteSource, CheckedPart } from "./xlsx-archive-check.js";
import { parsePartXml } from "./xlsx-part-xml.js";
import { unescapedText } from "./xlsx-text.js";

/**
 * The workbook's shared strings (xl/sharedStrings.xml), in order: each <si> is the text of its
 * <t> elements, a plain one or the runs of rich text joined, and never its phonetic guide (<rPh>,
 * which Excel keeps beside East Asian text and does not show in the cell).
 */
export async function sharedStrings(bytes: ByteSource, part: CheckedPart | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  let inItem = false;
  let inText = false;
  let phoneticDepth = 0;
  let current = "";
  const handlers = {
    open(name: string) {
      if (name === "si") {
        inItem = true;
        current = "";
      } else if (name === "rPh") phoneticDepth += 1;
      else if (name === "t") inText = true;
    },
    close(name: string) {
      if (name === "si") {
        strings.push(unescapedText(current));
        inItem = false;
      } else if (name === "rPh") phoneticDepth -= 1;
      else if (name === "t") inText = false;
    },
    text(text: string) {
      if (inItem && inText && phoneticDepth === 0) current += text;
    },
  };
  await parsePartXml(bytes, part, handlers);
  return strings;
}
