import { runImportCli } from "./import-cli-run.js";

let settled = false;
// Node exits (with 0) when nothing is left to wait for, even with the import's promise pending: a
// reader that stalled without a timer would end the process silently, as if the import had worked.
process.once("beforeExit", () => {
  if (settled) return;
  process.stderr.write("import failed: the import stopped without finishing; nothing was written.\n");
  process.exitCode = 1;
});
/** `npm run import -- cases path/to/file.csv|xlsx`: see import-cli-run.ts. */
runImportCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    settled = true;
    process.stderr.write(`import failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
