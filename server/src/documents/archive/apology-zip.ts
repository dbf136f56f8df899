import type { Writable } from "node:stream";
import { apologyLetterRenderer, type ApologyLetterModel } from "../letters/apology-letter.js";
import type { LetterTexts } from "../texts/letter-texts.js";
import { apologyFileName } from "../document-file.js";
import { collect } from "../stream-output.js";
import { ZipOutput } from "../zip-output.js";

/**
 * Every apology letter of a scope as one .zip, one .docx per case named by its code. Each letter
 * is built, written into the zip and let go before the next one is built, waiting while the
 * receiver is full, so memory holds one letter and the output's buffer, never the whole set. Letters
 * come from a template filled per case (letters/docx-template.ts), and a .docx is already deflated
 * so the entries are stored: together that keeps 1,000 letters to seconds. A receiver that goes
 * away stops the letters being built (OutputClosedError).
 */
export async function writeApologyZip(
  letters: AsyncIterable<ApologyLetterModel> | Iterable<ApologyLetterModel>,
  texts: LetterTexts,
  output: Writable,
): Promise<number> {
  const zip = new ZipOutput(output);
  try {
    const render = await apologyLetterRenderer(texts);
    const used = new Set<string>();
    let count = 0;
    for await (const model of letters) {
      // A zip's DOS date only holds 1980-2107: outside it the entry keeps the moment of writing.
      zip.add(uniqueName(apologyFileName(model.caseCode), used), render(model), { mtime: model.apology.issuedAt });
      count += 1;
      await zip.writable();
    }
    await zip.finish();
    return count;
  } catch (error) {
    zip.abort(error as Error);
    throw error;
  }
}

/** Two case codes that differ only in characters a file name cannot hold must not overwrite each other. */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = name.replace(/\.docx$/, `-${n}.docx`);
  used.add(candidate.toLowerCase());
  return candidate;
}

/** The whole zip in memory (tests, the bench's small runs). */
export async function buildApologyZip(
  letters: AsyncIterable<ApologyLetterModel> | Iterable<ApologyLetterModel>,
  texts: LetterTexts,
): Promise<Buffer> {
  return (await collect((output) => writeApologyZip(letters, texts, output))).content as Buffer;
}

/** No letter of the zip is smaller than this: a stored entry of the template filled with empty values. */
export async function smallestLetterBytes(texts: LetterTexts): Promise<number> {
  const render = await apologyLetterRenderer(texts);
  const day = new Date(0);
  const empty = render({
    caseCode: "",
    procedureName: "",
    applicantName: "",
    unitCode: "",
    unitName: "",
    receivedAt: day,
    dueAt: day,
    apology: { number: "", issuedAt: day, reason: "", newDueAt: day, signer: "" },
  });
  // Local header and central directory entry (30 + 46 bytes) plus the shortest name, xin-loi-_.docx, twice.
  return empty.length + 76 + 2 * "xin-loi-_.docx".length;
}
