import { strFromU8, unzipSync } from "fflate";

/** What a test reads back from a .docx: the XML of its parts and the text of its body. */
export interface OpenedDocx {
  documentXml: string;
  headerXml: string[];
  coreXml: string;
  /** The text of each paragraph of the body, tables included, in order. */
  paragraphs: string[];
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    decodeXml(
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
        .map((m) => (m[0] === "<w:tab/>" ? "\t" : m[1]))
        .join(""),
    ),
  );
}

export async function openDocx(bytes: Buffer | Uint8Array): Promise<OpenedDocx> {
  const parts = unzipSync(new Uint8Array(bytes));
  const read = (name: string): string => {
    const part = parts[name];
    if (!part) throw new Error(`${name} is missing from the .docx`);
    return strFromU8(part);
  };
  const documentXml = read("word/document.xml");
  const headerNames = Object.keys(parts).filter((n) => /^word\/header\d+\.xml$/.test(n));
  return {
    documentXml,
    headerXml: headerNames.map(read),
    coreXml: read("docProps/core.xml"),
    paragraphs: paragraphTexts(documentXml).filter((t) => t.trim() !== ""),
  };
}

/** The <w:p> whose text contains `needle`, as XML, to check its formatting. */
export function paragraphXml(xml: string, needle: string): string {
  const found = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((p) => paragraphTexts(p[0]).join("").includes(needle));
  if (!found) throw new Error(`No paragraph contains "${needle}"`);
  return found[0];
}
