import { runImportCli } from "./import-cli-run.js";

/** `npm run import -- cases path/to/file.csv|xlsx`: see import-cli-run.ts. */
runImportCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`import failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
