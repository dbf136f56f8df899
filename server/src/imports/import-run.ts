import type { DataSource } from "typeorm";
import type { Principal } from "../core/principal.js";
import { Role } from "../core/enums.js";
import { ForbiddenError } from "../core/errors.js";
import { appendAudit } from "../services/audit-trail.js";
import { apologiesImporter } from "./apologies.importer.js";
import { casesImporter } from "./cases.importer.js";
import { HEADER_LOOKAHEAD_LINES, matchHeader, misplacedHeaderError, type HeaderMap } from "./header-matching.js";
import { hpnetTasksImporter } from "./hpnet-tasks.importer.js";
import type { ImportKind } from "./import-columns.js";
import type { ImportError, ImportOutcome } from "./import-result.js";
import { ErrorList } from "./error-list.js";
import { ImportSession, unknownUnitMessage } from "./import-session.js";
import { inImportTransaction } from "./import-transaction.js";
import type { KindImporter } from "./kind-importer.js";
import type { ImportSource } from "./import-source.js";
import { retryOnLockConflict } from "../db/lock-conflict-retry.js";
import { withReadTimeout } from "./read-timeout.js";
import { cleanCell, garbledRecordError, ImportLimitError, isBlankRecord, UnreadableFileError, type SourceRecord } from "./source-record.js";
import { trackImport } from "./running-imports.js";

export const IMPORTERS: Readonly<Record<ImportKind, KindImporter<unknown>>> = {
  cases: casesImporter as KindImporter<unknown>,
  apologies: apologiesImporter as KindImporter<unknown>,
  tasks: hpnetTasksImporter as KindImporter<unknown>,
};

export interface ImportProgress {
  /** Data rows read so far (blank rows are not counted). */
  rows: number;
}

export interface ImportOptions {
  actor: Principal;
  /** Rows checked against the database and written per statement. */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Check everything and count what would change, but write nothing. */
  dryRun?: boolean;
  /** The request already holds the SQLite write turn (db/write-gate.ts): a mutation operation that imports among other things. */
  writeTurnHeld?: boolean;
  /** Data rows a file may have (the API's limit); beyond it the file is refused whole, early. */
  maxRows?: number;
  /** Milliseconds the file's reader may take to produce the next row (default 30 s); then the import stops. */
  readTimeoutMs?: number;
  /** The audit trail's operation (the mutation's name); default importCases, importApologies or importHpNetTasks. */
  operation?: string;
}

/** The contract's mutation of each kind: the audit trail's operation for an import of it. */
export const IMPORT_OPERATIONS: Readonly<Record<ImportKind, string>> = {
  cases: "importCases",
  apologies: "importApologies",
  tasks: "importHpNetTasks",
};

const DEFAULT_READ_TIMEOUT_MS = 30_000;
/** Rows between two pauses that let other requests in (a few ms of work each). */
const YIELD_EVERY_ROWS = 200;

/**
 * A file's records: read once, or (a function returning a fresh reading each call) read again
 * from the start when the import has to be run once more after a lock conflict.
 */
export type RecordSource = AsyncIterable<SourceRecord> | (() => AsyncIterable<SourceRecord>);

/**
 * One import, all or nothing, in one transaction. Rows stream through in batches: each batch is
 * checked against the database with one query per table and written with one statement per
 * table, so memory holds a batch and the keys seen, never the file. Once any row has failed,
 * later batches are still checked (every failing row is reported) but no longer written, and
 * the transaction is rolled back at the end.
 *
 * Concurrent imports answer as if they had run one after another, because they do: imports that
 * write into one database take turns (see inImportTransaction). On MariaDB/MySQL their key
 * lookups also lock what they read (SELECT … FOR UPDATE), so a row another request wrote
 * meanwhile is counted as stored; should InnoDB still roll the import back for a deadlock or a
 * lock wait timeout (against such a request), it runs again from the start, when its records can
 * be read again: nothing was written, and the same file on the same data gives the same import.
 */
export function runImport(
  db: DataSource,
  kind: ImportKind,
  records: RecordSource | ImportSource,
  options: ImportOptions,
): Promise<ImportOutcome> {
  return trackImport(() => runImportNow(db, kind, records, options));
}

async function runImportNow(
  db: DataSource,
  kind: ImportKind,
  records: RecordSource | ImportSource,
  options: ImportOptions,
): Promise<ImportOutcome> {
  if (options.actor.role === Role.VIEWER) {
    throw new ForbiddenError("A VIEWER token can read but not import; ask for an OFFICER or ADMIN token.");
  }
  const importer = IMPORTERS[kind];
  if (isImportSource(records)) {
    // The whole file is read and checked before any lock or transaction is taken.
    try {
      await records.check();
    } catch (error) {
      if (error instanceof UnreadableFileError || error instanceof ImportLimitError) return refused(error);
      throw error;
    }
    return retryOnLockConflict(() => importOnce(db, importer, records.records(), options));
  }
  if (typeof records !== "function") return importOnce(db, importer, records, options);
  return retryOnLockConflict(() => importOnce(db, importer, records(), options));
}

function isImportSource(records: RecordSource | ImportSource): records is ImportSource {
  return typeof records === "object" && "check" in records;
}

/** A file refused whole: one error, on the line where reading stopped (line 1 for a limit or a broken archive). */
function refused(error: UnreadableFileError | ImportLimitError): ImportOutcome {
  return { created: 0, updated: 0, unchanged: 0, errors: [{ line: error.line, column: null, message: error.message }], errorCount: 1 };
}

function tooManyRows(maxRows: number): ImportLimitError {
  const limit = maxRows.toLocaleString("en-US");
  return new ImportLimitError(
    `The file has more than ${limit} data rows; an import through the API takes at most ${limit}. ` +
      "Split the file, or import it with the command-line importer.",
  );
}

async function importOnce(
  db: DataSource,
  importer: KindImporter<unknown>,
  records: AsyncIterable<SourceRecord>,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const batchSize = options.batchSize ?? 500;
  return inImportTransaction(db, async (manager) => {
    // A dry run writes nothing, so its snapshot read is already as good as running alone.
    const session = await ImportSession.open(manager, options.actor, !options.dryRun);
    const errors = new ErrorList(importer.columns);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const firstLineOfKey = new Map<string, number>();
    let header: HeaderMap | null = null;
    let misplacedHeader: { firstLine: number; errors: ImportError[] } | null = null;
    let unreadable: ImportError | null = null;
    let batch: unknown[] = [];
    let rows = 0;

    const flush = async () => {
      if (batch.length === 0) return;
      const plan = await importer.planBatch(batch, session);
      errors.add(plan.errors);
      if (errors.count === 0) {
        // Keys are unique within a file, so no batch's plan depends on an earlier batch's writes.
        if (!options.dryRun) await plan.write();
        counts.created += plan.counts.created;
        counts.updated += plan.counts.updated;
        counts.unchanged += plan.counts.unchanged;
      }
      batch = [];
      options.onProgress?.({ rows });
    };

    try {
      for await (const record of withReadTimeout(records, options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS)) {
        const garbled = garbledRecordError(record);
        if (garbled) throw garbled;
        // Blank lines count too: a title followed by a million empty lines is not read to its end.
        if (misplacedHeader && record.line > misplacedHeader.firstLine + HEADER_LOOKAHEAD_LINES) break;
        if (isBlankRecord(record)) continue;
        if (header === null) {
          const match = matchHeader(record.cells, importer.columns, record.line);
          if (misplacedHeader) {
            // Still refused (the header comes first), but with the line where it really is.
            if (match.ok) {
              errors.add([misplacedHeaderError(misplacedHeader.firstLine, record.line)]);
              misplacedHeader = null;
              break;
            }
            continue;
          }
          if (!match.ok) {
            // A title above the header (common in a workbook) would read as "every column is missing":
            // look a few lines further before saying so.
            misplacedHeader = { firstLine: record.line, errors: match.errors };
            continue;
          }
          header = match.map;
          continue;
        }
        rows += 1;
        // Buffered records and better-sqlite3's synchronous statements resolve as microtasks: without
        // a pause the import would keep the event loop to itself, and no other request be served.
        if (rows % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
        if (options.maxRows !== undefined && rows > options.maxRows) throw tooManyRows(options.maxRows);
        const duplicate = duplicateKey(importer, header, record, firstLineOfKey);
        if (duplicate) errors.add([duplicate]);
        const reading = importer.readRow(record, header);
        errors.add(reading.errors);
        if (reading.row === null) errors.add(unknownUnit(header, record, session));
        if (reading.row !== null && !duplicate) batch.push(reading.row);
        if (batch.length >= batchSize) await flush();
      }
      await flush();
    } catch (error) {
      // Beyond a limit, the file is refused whole: its one error stands alone.
      if (error instanceof ImportLimitError) return { commit: false, value: refused(error) };
      if (!(error instanceof UnreadableFileError)) throw error;
      unreadable = { line: error.line, column: null, message: error.message };
    }
    // A first line that was not the header and no header found below it: its own errors, in line order.
    if (misplacedHeader) errors.add(misplacedHeader.errors);
    if (unreadable) errors.add([unreadable]);
    if (header === null && errors.count === 0) {
      errors.add([
        {
          line: 1,
          column: null,
          message: `The file is empty; its first line must be the header (${importer.columns.map((c) => c.name).join(", ")}).`,
        },
      ]);
    }
    options.onProgress?.({ rows });
    if (errors.count > 0) {
      return { commit: false, value: { created: 0, updated: 0, unchanged: 0, errors: errors.first(), errorCount: errors.count } };
    }
    if (!options.dryRun && counts.created + counts.updated > 0) {
      // An import that wrote is one audit entry, in its own transaction: both commit or neither.
      await appendAudit(manager, {
        actor: options.actor,
        operation: options.operation ?? IMPORT_OPERATIONS[importer.kind],
        subjectKey: null,
        details: { ...counts, rows },
      });
    }
    return { commit: !options.dryRun, value: { ...counts, errors: [], errorCount: 0 } };
  }, !options.dryRun, options.writeTurnHeld);
}

/**
 * A row that failed on its own is not checked against the database, but an unknown unit is worth
 * saying at once: the clerk corrects the whole line in one pass.
 */
function unknownUnit(header: HeaderMap, record: SourceRecord, session: ImportSession): ImportError[] {
  const position = header.positions.get("unit_code");
  const code = position === undefined ? null : cleanCell(record.cells[position]);
  if (code === null || session.unitByCode(code)) return [];
  return [{ line: record.line, column: "unit_code", message: unknownUnitMessage(code) }];
}

/** A key an earlier row of the file already had; read from the cell, so a row failing otherwise still claims its key. */
function duplicateKey(
  importer: KindImporter<unknown>,
  header: HeaderMap,
  record: SourceRecord,
  firstLineOfKey: Map<string, number>,
): ImportError | null {
  const position = header.positions.get(importer.keyColumn);
  const key = position === undefined ? null : cleanCell(record.cells[position]);
  if (key === null) return null;
  const first = firstLineOfKey.get(key);
  if (first === undefined) {
    firstLineOfKey.set(key, record.line);
    return null;
  }
  const label = header.labels.get(importer.keyColumn);
  return {
    line: record.line,
    column: importer.keyColumn,
    message: `"${label}" ${key} already appears on line ${first}; each ${importer.noun} may appear only once in a file.`,
  };
}
