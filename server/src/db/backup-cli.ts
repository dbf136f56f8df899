import "reflect-metadata";
import { ConfigError, loadConfig } from "../config.js";
import { BackupError, backupDatabase, restoreDatabase } from "./backup-restore.js";

/**
 * `npm run backup -- <file>` and `npm run restore -- <file>` for the database of DATABASE_URL.
 * Exit code 0 done, 1 refused (file exists, database not empty, damaged backup), 2 usage.
 */
async function main(): Promise<number> {
  const [command, file, ...rest] = process.argv.slice(2);
  if (!["backup", "restore"].includes(command) || !file || rest.length > 0) {
    process.stderr.write("Usage: npm run backup -- <file>   |   npm run restore -- <file>   (DATABASE_URL names the database)\n");
    return 2;
  }
  try {
    const config = loadConfig();
    const message = command === "backup" ? await backupDatabase(config.database, file) : await restoreDatabase(config.database, file);
    process.stdout.write(`${message}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof BackupError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
