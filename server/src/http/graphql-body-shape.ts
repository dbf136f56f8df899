import type { RequestHandler } from "express";
import type { IncomingMessage } from "node:http";
import { closeAfterAnswer, sendJsonError } from "./json-error.js";

/**
 * Bounds on what a /graphql body may hold besides its size. The body limit is sized for an
 * import's CSV text, which travels as one JSON string; the same 80 MiB spent on anything else
 * is work out of proportion to its bytes: millions of JSON members take seconds of JSON.parse
 * and a gigabyte of objects, and millions of operations or comments in a query's text take
 * graphql-js's parser minutes and the heap. Each is refused before it is parsed.
 */

/** Objects, arrays and members a body may hold outside its strings; a request has tens. */
export const MAX_JSON_STRUCTURE = 10_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const COMMA = 0x2c;

/**
 * Whether the JSON text holds more than `max` objects, arrays and separators outside its strings.
 * One pass; a string is skipped with indexOf (an 80 MiB CSV string costs a few milliseconds).
 * Text that is not JSON is left to JSON.parse, which refuses it.
 */
export function exceedsJsonStructure(body: Buffer, max: number): boolean {
  let count = 0;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (byte === QUOTE) {
      i = closingQuote(body, i + 1);
      if (i === -1) return false;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY || byte === COMMA) {
      count += 1;
      if (count > max) return true;
    }
  }
  return false;
}

/** The quote that closes a string opened before `from`: the next one after an even run of backslashes. */
function closingQuote(body: Buffer, from: number): number {
  for (let at = body.indexOf(QUOTE, from); at !== -1; at = body.indexOf(QUOTE, at + 1)) {
    let backslashes = 0;
    while (body[at - 1 - backslashes] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** express.json's `verify`: runs on the read (and inflated) body before JSON.parse. */
export function verifyJsonStructure(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (exceedsJsonStructure(body, MAX_JSON_STRUCTURE)) {
    // body-parser keeps `status` and `type`; error-handler.ts answers it by its type.
    throw Object.assign(new Error("json structure limit"), { status: 400, type: "entity.structure.too.large" });
  }
}

export function jsonStructureMessage(): string {
  return `The request body holds more than ${MAX_JSON_STRUCTURE.toLocaleString("en")} JSON objects, arrays and members; a GraphQL request has a few. Send large text, such as an import's CSV, as one string variable.`;
}

/**
 * A query's text longer than the limit is refused before graphql-js reads it. Comments are not
 * among the tokens the parser counts (maxTokens), so the length is what bounds them.
 */
export function refuseLongQuery(maxLength: number): RequestHandler {
  return (req, res, next) => {
    const query: unknown = (req.body as { query?: unknown } | undefined)?.query ?? req.query?.query;
    if (typeof query !== "string" || query.length <= maxLength) return next();
    closeAfterAnswer(res);
    sendJsonError(
      res,
      "BAD_USER_INPUT",
      `The query's text is ${query.length.toLocaleString("en")} characters, more than the limit of ${maxLength.toLocaleString("en")} (CCHC_MAX_QUERY_LENGTH). Send large text, such as an import's CSV, as a variable, not written into the query.`,
      { status: 413 },
    );
  };
}
