import { PassThrough, type Writable } from "node:stream";
import { once } from "node:events";
import archiver from "archiver";
import { apologyLetterRenderer, type ApologyLetterModel } from "../letters/apology-letter.js";
import type { LetterTexts } from "../texts/letter-texts.js";
import { apologyFileName } from "../document-file.js";

/**
 * Every apology letter of a scope as one .zip, one .docx per case named by its code. Each letter
 * is built, handed to the archive and let go before the next one is built, so memory holds one
 * letter and the archive's buffer, never the whole set twice. Letters come from a template filled
 * per case (letters/docx-template.ts), and a .docx is already deflated so the entries are stored:
 * together that keeps 1,000 letters to seconds.
 */
export async function writeApologyZip(
  letters: AsyncIterable<ApologyLetterModel> | Iterable<ApologyLetterModel>,
  texts: LetterTexts,
  output: Writable,
): Promise<number> {
  const archive = archiver("zip", { store: true });
  let complete = false;
  const failed = new Promise<never>((_, reject) => {
    archive.on("error", reject);
    archive.on("warning", reject);
    output.on("error", reject);
    output.on("finish", () => {
      complete = true;
    });
    // A download the client gave up on: stop building letters nobody will read.
    output.on("close", () => {
      if (complete) return;
      archive.abort();
      reject(new Error("The receiver closed the stream before the zip was complete"));
    });
  });
  failed.catch(() => undefined);
  archive.pipe(output);
  const render = await apologyLetterRenderer(texts);
  const used = new Set<string>();
  let count = 0;
  for await (const model of letters) {
    const bytes = render(model);
    const entry = once(archive, "entry");
    archive.append(bytes, { name: uniqueName(apologyFileName(model.caseCode), used), date: model.apology.issuedAt });
    await Promise.race([entry, failed]);
    count += 1;
  }
  const finished = once(output, "finish");
  await Promise.race([archive.finalize(), failed]);
  await Promise.race([finished, failed]);
  return count;
}

/** Two case codes that differ only in characters a file name cannot hold must not overwrite each other. */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = name.replace(/\.docx$/, `-${n}.docx`);
  used.add(candidate.toLowerCase());
  return candidate;
}

export async function buildApologyZip(
  letters: AsyncIterable<ApologyLetterModel> | Iterable<ApologyLetterModel>,
  texts: LetterTexts,
): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeApologyZip(letters, texts, sink);
  return Buffer.concat(chunks);
}
