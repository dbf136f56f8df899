import { byteSize } from "./byte-size.js";
import { csvRecords, csvText } from "./csv-records.js";
import { csvFileRecords, type FileFormat } from "./import-file.js";
import { ImportLimitError, type SourceRecord } from "./source-record.js";
import { bufferBytes, checkXlsxArchive, checkXlsxFile, fileBytes, type ByteSource, type XlsxLayout } from "./xlsx-archive-check.js";
import { xlsxRecords } from "./xlsx-records.js";

/**
 * A file to import: `check` reads and checks it whole without the database (a broken archive, a
 * file beyond the limits), so that no lock or transaction is ever held while a file that cannot
 * be read is being read; `records` reads it from the start, as often as the import needs.
 */
export interface ImportSource {
  check(): Promise<void>;
  records(): AsyncIterable<SourceRecord>;
}

/** CSV text of a GraphQL argument; `maxBytes` is the API's limit on its UTF-8 size. */
export function csvTextSource(text: string, maxBytes = Infinity): ImportSource {
  return {
    async check() {
      const bytes = Buffer.byteLength(text, "utf8");
      if (bytes > maxBytes) {
        throw new ImportLimitError(
          `The CSV text is ${byteSize(bytes)}; an import through the API takes at most ${byteSize(maxBytes)}. ` +
            "Split the file, or import it with the command-line importer.",
        );
      }
    },
    records: () => csvRecords(csvText(text)),
  };
}

/**
 * An .xlsx file's bytes (a GraphQL argument); `maxUnpackedBytes` is the API's limit on what it
 * unpacks to. Its rows are read from the parts the check verified, where it found them
 * (xlsx-records.ts), never from the bytes as they come.
 */
export function xlsxBufferSource(bytes: Buffer, maxUnpackedBytes = Infinity): ImportSource {
  let layout: XlsxLayout | null = null;
  return {
    check: async () => {
      layout = await checkXlsxArchive(bufferBytes(bytes), maxUnpackedBytes);
    },
    records: () => checkedXlsxRecords(layout, async () => bufferBytes(bytes)),
  };
}

/** A file on disk (the command line): an .xlsx is checked whole first, a CSV streams as it is read. */
export function fileSource(path: string, format: FileFormat): ImportSource {
  let layout: XlsxLayout | null = null;
  return {
    check: async () => {
      if (format === "xlsx") layout = await checkXlsxFile(path);
    },
    records: () => (format === "csv" ? csvFileRecords(path) : checkedXlsxRecords(layout, () => fileBytes(path))),
  };
}

function checkedXlsxRecords(layout: XlsxLayout | null, openBytes: () => Promise<ByteSource>): AsyncIterable<SourceRecord> {
  if (layout === null) throw new Error("an .xlsx source is read only after its check");
  return xlsxRecords(openBytes, layout);
}
