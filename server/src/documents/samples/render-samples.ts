import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { apologyLetterRenderer, buildApologyLetter } from "../letters/apology-letter.js";
import { buildReminderLetter } from "../letters/reminder-letter.js";
import { DEFAULT_LETTER_TEXTS } from "../texts/default-letter-texts.js";
import { sampleApologyModel, sampleReminderModel } from "./sample-models.js";

/**
 * `npm run render-samples`: one of each letter as .docx, then PDF (LibreOffice) and PNG (pdftoppm),
 * into test-output/samples/, so a person can check the layout against Decree 30/2020.
 * Installs the Debian packages when they are missing (needs root, as in the project's containers).
 */
const OUT = resolve(process.argv[2] ?? "test-output/samples");

function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with status ${result.status}`);
}

function ensureTools(): void {
  if (has("soffice") && has("pdftoppm")) return;
  process.stdout.write("Installing LibreOffice Writer and poppler-utils from Debian…\n");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args: string[]): void =>
    sudo.length ? run("sudo", ["apt-get", ...args]) : run("apt-get", args);
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", "--no-install-recommends", "libreoffice-writer-nogui", "poppler-utils", "fonts-liberation"]);
}

async function main(): Promise<void> {
  ensureTools();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  // H02 goes through the template the zip uses, so LibreOffice checks that path's files too.
  const render = await apologyLetterRenderer(DEFAULT_LETTER_TEXTS);
  const files = {
    "xin-loi-H01.docx": await buildApologyLetter(sampleApologyModel("H01"), DEFAULT_LETTER_TEXTS),
    "xin-loi-H02-tu-mau.docx": render(sampleApologyModel("H02")),
    "don-doc-2023-11-14.docx": await buildReminderLetter(sampleReminderModel(), DEFAULT_LETTER_TEXTS),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(OUT, name), bytes);
  // A private profile directory keeps soffice from clashing with a desktop session's.
  run("soffice", [
    `-env:UserInstallation=file://${join(OUT, ".lo-profile")}`,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    OUT,
    ...Object.keys(files).map((name) => join(OUT, name)),
  ]);
  for (const name of Object.keys(files)) {
    const base = join(OUT, name.replace(/\.docx$/, ""));
    run("pdftoppm", ["-png", "-r", "100", `${base}.pdf`, base]);
  }
  rmSync(join(OUT, ".lo-profile"), { recursive: true, force: true });
  process.stdout.write(`${readdirSync(OUT).sort().join("\n")}\nin ${OUT}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
