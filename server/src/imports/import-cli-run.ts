import "reflect-metadata";
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { ConfigError, loadConfig } from "../config.js";
import { openDatabase } from "../db/data-source.js";
import { Role } from "../core/enums.js";
import { setLogLevel } from "../log.js";
import { IMPORT_KINDS, type ImportKind } from "./import-columns.js";
import { formatOfFile } from "./import-file.js";
import { importReportText } from "./import-report.js";
import { COMMAND_LINE } from "../services/audit-trail.js";
import { runImport } from "./import-run.js";
import { fileSource } from "./import-source.js";

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const USAGE =
  "Usage: npm run import -- <cases|apologies|tasks> <file.csv|file.xlsx> [--dry-run] [--json] [--stats]\n" +
  "  Imports the file into the database named by DATABASE_URL (all or nothing), as an administrator.\n" +
  "  --dry-run  check every row and count what would change, but write nothing\n" +
  "  --json   print the result as JSON (created, updated, unchanged, errors)\n" +
  "  --stats  also print the time taken and the process's peak memory\n";

const ALIASES: Record<string, ImportKind> = { "hpnet-tasks": "tasks", hpnettasks: "tasks", case: "cases", apology: "apologies", task: "tasks" };

/**
 * The command line import: straight to the database (no server needed), streaming the file,
 * with a progress line on stderr. Exit code 0 when imported, 1 when the file has errors (nothing
 * written), 2 for a usage or configuration error.
 */
export async function runImportCli(args: readonly string[], io: CliIo): Promise<number> {
  const flags = new Set(args.filter((a) => a.startsWith("--")));
  const [kindArg, path, ...rest] = args.filter((a) => !a.startsWith("--"));
  const kind = (ALIASES[kindArg?.toLowerCase()] ?? kindArg?.toLowerCase()) as ImportKind;
  const unknownFlags = [...flags].filter((f) => !["--json", "--stats", "--dry-run"].includes(f));
  if (!IMPORT_KINDS.includes(kind) || !path || rest.length > 0 || unknownFlags.length > 0) {
    io.stderr.write(USAGE);
    return 2;
  }
  const format = formatOfFile(path);
  if (format === null) {
    io.stderr.write(`${path}: not a .csv or .xlsx file.\n${USAGE}`);
    return 2;
  }
  if (!existsSync(path)) {
    io.stderr.write(`${path}: no such file.\n`);
    return 2;
  }
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  setLogLevel(io.env.LOG_LEVEL ? config.logLevel : "warn");
  const db = await openDatabase(config.database);
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const progress = progressLine(io.stderr, basename(path));
  try {
    const outcome = await runImport(db, kind, fileSource(path, format), {
      actor: { role: Role.ADMIN, unitId: null, tokenId: null, name: COMMAND_LINE },
      onProgress: ({ rows }) => progress.update(rows),
      dryRun: flags.has("--dry-run"),
      readTimeoutMs: config.imports.readTimeoutMs,
    });
    progress.done();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (flags.has("--json")) io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    else io.stdout.write(importReportText(outcome, basename(path), flags.has("--dry-run")));
    if (flags.has("--stats")) {
      const peakMb = process.resourceUsage().maxRSS / 1024;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      io.stderr.write(`time ${seconds.toFixed(2)} s, CPU ${cpuSeconds.toFixed(2)} s, peak memory (RSS) ${peakMb.toFixed(0)} MB\n`);
    }
    return outcome.errors.length === 0 ? 0 : 1;
  } finally {
    await db.destroy();
  }
}

/** "cases.csv: 12,500 rows read", rewritten in place on a terminal, a line per 10,000 rows otherwise. */
function progressLine(stream: CliIo["stderr"], fileName: string) {
  let lastPrinted = 0;
  const tty = stream.isTTY === true;
  const text = (rows: number) => `${fileName}: ${rows.toLocaleString("en-US")} rows read`;
  return {
    update(rows: number) {
      if (tty) stream.write(`\r${text(rows)}`);
      else if (rows - lastPrinted >= 10_000) {
        stream.write(`${text(rows)}\n`);
        lastPrinted = rows;
      }
    },
    done() {
      if (tty) stream.write("\n");
    },
  };
}
