import { strFromU8, strToU8, unzipSync } from "fflate";
import { escapeText, packPart, zipParts, type PackedPart } from "./docx-parts.js";

/**
 * A .docx built once by the real layout code with a marker in place of each value, then filled
 * per letter by replacing the markers in its XML and zipping again. Building a letter through
 * docx's object model costs about 10 ms (most of it compiling the same styles and layout every
 * time); filling the template costs far less: the parts without markers (styles, theme,
 * numbering…) are deflated once and reused as they are, and only document.xml and core.xml are
 * deflated again, by Node's native zlib. That is what makes a zip of 1,000 letters seconds. test/server/documents/letter-template.test.ts holds the two paths byte-equal in
 * word/document.xml.
 *
 * A marker is private-use characters around the value's index and an "x": the layout may
 * upper-case a sentence (a title, a signature line), which turns the "x" into "X", and the value
 * is then upper-cased too.
 */
const MARKER = /\uE000(\d+)([xX])\uE001/g;

const marker = (index: number): string => `\uE000${index}x\uE001`;

interface TemplatePart {
  name: string;
  /** The part's XML when it holds markers; null when it is the same in every letter. */
  marked: string | null;
  packed: PackedPart | null;
}

export class DocxTemplate {
  private constructor(
    private readonly keys: readonly string[],
    /** Every part, in the order docx wrote them. */
    private readonly parts: readonly TemplatePart[],
  ) {}

  /**
   * Runs `build` once with markers for `keys` and keeps the result. A value that is not a plain
   * substitution (e.g. one the layout tests or measures) would not survive: `build` must only
   * place values into text.
   */
  static async create(
    keys: readonly string[],
    build: (values: Record<string, string>) => Promise<Buffer>,
  ): Promise<DocxTemplate> {
    const values = Object.fromEntries(keys.map((key, i) => [key, marker(i)]));
    const parts = Object.entries(unzipSync(await build(values))).map(([name, bytes]): TemplatePart => {
      const text = /\.(xml|rels)$/.test(name) ? strFromU8(bytes) : "";
      return text.includes("\uE000") ? { name, marked: text, packed: null } : { name, marked: null, packed: packPart(name, bytes) };
    });
    return new DocxTemplate(keys, parts);
  }

  render(values: Readonly<Record<string, string>>): Buffer {
    const replace = (_: string, index: string, x: string): string => {
      const key = this.keys[Number(index)];
      const value = (values[key] ?? "").normalize("NFC");
      return escapeText(x === "X" ? value.toUpperCase() : value);
    };
    return zipParts(this.parts.map((part) => part.packed ?? packPart(part.name, strToU8((part.marked as string).replace(MARKER, replace)))));
  }
}
