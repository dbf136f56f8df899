import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { isVietnamDay } from "../domain/vietnam-time.js";

/**
 * DateTime: ISO-8601 with an explicit offset in, UTC with milliseconds out. An input without
 * an offset is ambiguous (server time? Vietnam time?) so the contract makes it BAD_USER_INPUT.
 */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

export function parseDateTime(value: unknown): Date {
  if (typeof value !== "string") throw badDateTime(value);
  const match = ISO_WITH_OFFSET.exec(value.trim());
  if (!match) throw badDateTime(value);
  const [, year, month, day, hour, minute, second = "0", , offset] = match;
  if (!isVietnamDay(`${year}-${month}-${day}`) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    throw badDateTime(value);
  }
  // ISO-8601 also writes an offset of whole hours ("+07"); Date.parse needs its minutes.
  const moment = new Date(/^[+-]\d{2}$/.test(offset) ? `${value.trim()}:00` : value.trim());
  if (Number.isNaN(moment.getTime())) throw badDateTime(value);
  // What both databases store (MariaDB's DATETIME, SQLite's sortable text): a year of four digits in
  // UTC. "9999-12-31T23:59:59-23:59" is year 10000 there, and SQLite kept it as year 0.
  const utcYear = moment.getUTCFullYear();
  if (utcYear < 1000 || utcYear > 9999) {
    throw new GraphQLError(`DateTime must lie between the years 1000 and 9999 in UTC; got ${JSON.stringify(value)}, which is ${moment.toISOString()}.`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return moment;
}

function badDateTime(value: unknown): GraphQLError {
  return new GraphQLError(
    `DateTime must be ISO-8601 with an offset, e.g. "2023-11-17T16:30:00+07:00" or "2023-11-17T09:30:00Z"; got ${JSON.stringify(value)}.`,
    { extensions: { code: "BAD_USER_INPUT" } },
  );
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description: "ISO-8601 moment. Answers in UTC (2023-11-17T09:30:00.000Z); accepts any offset; an input without an offset is BAD_USER_INPUT.",
  serialize(value) {
    const moment = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(moment.getTime())) throw new Error(`Cannot serialize ${String(value)} as DateTime`);
    return moment.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badDateTime(ast.kind);
    return parseDateTime(ast.value);
  },
});

export function parseDay(value: unknown): string {
  if (typeof value !== "string" || !isVietnamDay(value)) {
    throw new GraphQLError(`Date must be a calendar day "YYYY-MM-DD" that exists; got ${JSON.stringify(value)}.`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: 'A Vietnam calendar day (Asia/Ho_Chi_Minh), "YYYY-MM-DD".',
  serialize: (value) => String(value).slice(0, 10),
  parseValue: parseDay,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) return parseDay(ast.kind);
    return parseDay(ast.value);
  },
});
