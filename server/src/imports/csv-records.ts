import { Readable } from "node:stream";
import { CsvError, parse, type Options } from "csv-parse";
import { UnreadableFileError, type SourceRecord } from "./source-record.js";

/** Chunks of a CSV file: bytes from a file or socket, or text (a GraphQL argument). */
export type CsvInput = AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>;

/** The GraphQL argument as an input, handed to the parser in slices so no stage holds two copies. */
export function csvText(text: string, sliceLength = 64 * 1024): CsvInput {
  return (function* () {
    for (let i = 0; i < text.length; i += sliceLength) yield text.slice(i, i + sliceLength);
  })();
}

/**
 * The records of a CSV file as the import formats define it, streamed: UTF-8 with or without a
 * BOM; comma, or semicolon when the header line holds semicolons and no commas; RFC 4180 quotes.
 * Each record carries the physical line it starts on. Line breaks are unified to "\n" first:
 * csv-parse counts a "\r\n" inside a quoted field as two lines and can split one "\r\n" across
 * chunks into two record ends. Stops with UnreadableFileError where the file cannot be read on.
 */
export async function* csvRecords(input: CsvInput): AsyncGenerator<SourceRecord> {
  const text = unifiedLines(input)[Symbol.asyncIterator]();
  let head = "";
  let done = false;
  // The header is the first line with any content; blank lines before it do not decide the delimiter.
  const headerLineOf = (buffered: string) => /^[^\S\n]*\S[^\n]*\n/m.exec(buffered)?.[0] ?? null;
  while (headerLineOf(head) === null && !done) {
    const next = await text.next();
    if (next.done) done = true;
    else head += next.value;
  }
  const headerLine = headerLineOf(head) ?? head;
  const delimiter = headerLine.includes(";") && !headerLine.includes(",") ? ";" : ",";
  const source = Readable.from(
    (async function* () {
      yield head;
      if (done) return;
      for (let next = await text.next(); !next.done; next = await text.next()) yield next.value;
    })(),
    { objectMode: false },
  );
  // Lines are counted as the parser reads, not as records are consumed: a parse error discards
  // the records buffered before it, and must still be reported where its own record starts.
  let lastLineRead = 0;
  const options = {
    delimiter,
    record_delimiter: "\n",
    relax_column_count: true,
    // A stray quote inside an unquoted value (Công ty "ABC") is kept as written, as exports do.
    relax_quotes: true,
    // Spaces around a delimiter do not count (values are trimmed anyway), so `; "a;b"` is still quoted.
    trim: true,
    on_record: (cells: string[], context: { lines: number }): SourceRecord => {
      lastLineRead = context.lines;
      return { line: context.lines - countLineBreaks(cells.join("")), cells };
    },
  };
  // csv-parse types on_record as returning a record of the same shape; it may return any object.
  const parser = parse(options as unknown as Options);
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<SourceRecord>) yield record;
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableFileError(lastLineRead + 1, csvErrorMessage(error));
    throw error;
  } finally {
    source.destroy();
  }
}

function csvErrorMessage(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'A value opened with a quote (") on this line is never closed; the rest of the file cannot be read.';
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'A quoted value on this line is followed by more text; quote the whole value and double any quote inside it ("").';
    default:
      return `This line cannot be read as CSV (${error.message}).`;
  }
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count += 1;
  return count;
}

/** UTF-8 text without BOM, "\r\n" and lone "\r" turned into "\n", even when split across chunks. */
async function* unifiedLines(input: CsvInput): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let first = true;
  let pendingCarriageReturn = false;
  let lines = 1;
  for await (const chunk of input) {
    let text: string;
    try {
      text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      throw notUtf8(lines + linesBeforeBadByte(chunk as Uint8Array));
    }
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (pendingCarriageReturn) text = "\r" + text;
    pendingCarriageReturn = text.endsWith("\r");
    if (pendingCarriageReturn) text = text.slice(0, -1);
    text = text.replace(/\r\n?/g, "\n");
    lines += countLineBreaks(text);
    if (text.length > 0) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw notUtf8(lines);
  }
  if (pendingCarriageReturn) rest = "\r" + rest;
  rest = rest.replace(/\r\n?/g, "\n");
  if (rest.length > 0) yield rest;
}

/** Where in a chunk the bytes stop being UTF-8, counted in line breaks (a hint for the message). */
function linesBeforeBadByte(chunk: Uint8Array): number {
  const text = new TextDecoder("utf-8").decode(chunk);
  return countLineBreaks(text.slice(0, Math.max(0, text.indexOf("\uFFFD"))).replace(/\r\n?/g, "\n"));
}

function notUtf8(line: number): UnreadableFileError {
  return new UnreadableFileError(
    line,
    "The file is not UTF-8 text from this line on; save it again as CSV UTF-8 (Excel: CSV UTF-8 (Comma delimited)).",
  );
}
