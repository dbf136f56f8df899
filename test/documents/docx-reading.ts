import JSZip from "jszip";

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
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing from the .docx`);
    return file.async("string");
  };
  const documentXml = await read("word/document.xml");
  const headerNames = Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n));
  return {
    documentXml,
    headerXml: await Promise.all(headerNames.map(read)),
    coreXml: await read("docProps/core.xml"),
    paragraphs: paragraphTexts(documentXml).filter((t) => t.trim() !== ""),
  };
}

/** The <w:p> whose text contains `needle`, as XML, to check its formatting. */
export function paragraphXml(xml: string, needle: string): string {
  const found = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((p) => paragraphTexts(p[0]).join("").includes(needle));
  if (!found) throw new Error(`No paragraph contains "${needle}"`);
  return found[0];
}
