import {
  endOfVietnamDay,
  fromVietnamWallClock,
  isVietnamDay,
  startOfVietnamDay,
} from "../domain/vietnam-time.js";
import { shownText } from "./shown-text.js";

/**
 * Moments as the import formats write them: ISO-8601 (an offset or Z; without one, Vietnam time)
 * or the Vietnamese dd/MM/yyyy[ HH:mm[:ss]] in Vietnam time. A day written without a time is
 * 00:00 of that Vietnam day, or 23:59:59 for due dates ("hẹn trả ngày 17/11" means all that day).
 */
export type DayAlone = "start-of-day" | "end-of-day";

export type MomentReading = { ok: true; moment: Date } | { ok: false; message: string };

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const VIETNAMESE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const FORMS =
  "write dd/MM/yyyy, dd/MM/yyyy HH:mm, dd/MM/yyyy HH:mm:ss or ISO-8601 such as 2023-11-17T16:30:00+07:00";

interface Parts {
  year: string;
  month: string;
  day: string;
  hour?: string;
  minute?: string;
  second?: string;
  fraction?: string;
  offset?: string;
}

export function parseMoment(text: string, dayAlone: DayAlone): MomentReading {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction, offset] = iso;
    return fromParts(value, { year, month, day, hour, minute, second, fraction, offset }, dayAlone);
  }
  const vn = VIETNAMESE.exec(value);
  if (vn) {
    const [, day, month, year, hour, minute, second] = vn;
    return fromParts(value, { year, month, day, hour, minute, second }, dayAlone);
  }
  return { ok: false, message: `"${shownText(value)}" is not a date; ${FORMS}.` };
}

function fromParts(value: string, p: Parts, dayAlone: DayAlone): MomentReading {
  const day = `${p.year}-${p.month.padStart(2, "0")}-${p.day.padStart(2, "0")}`;
  const year = Number(p.year);
  if (year < 1900 || year > 2999) {
    return { ok: false, message: `"${shownText(value)}": the year ${p.year} is out of range.` };
  }
  if (!isVietnamDay(day)) return { ok: false, message: `"${shownText(value)}" is not a date that exists.` };
  if (p.hour === undefined) {
    return { ok: true, moment: dayAlone === "end-of-day" ? endOfVietnamDay(day) : startOfVietnamDay(day) };
  }
  const hours = Number(p.hour);
  const minutes = Number(p.minute);
  const seconds = Number(p.second ?? "0");
  if (hours > 23 || minutes > 59 || seconds > 59) {
    return { ok: false, message: `"${shownText(value)}" is not a time of day that exists.` };
  }
  // Storage keeps milliseconds; finer digits are cut, never rounded up into the next second.
  const millis = p.fraction === undefined ? 0 : Number(p.fraction.slice(0, 3).padEnd(3, "0"));
  if (p.offset === undefined) {
    return { ok: true, moment: new Date(fromVietnamWallClock(day, hours, minutes, seconds).getTime() + millis) };
  }
  const offsetMinutes = parseOffset(p.offset);
  if (offsetMinutes === null) {
    return { ok: false, message: `"${shownText(value)}" has a time zone offset that does not exist.` };
  }
  const [y, m, d] = day.split("-").map(Number);
  const utc = Date.UTC(y, m - 1, d, hours, minutes, seconds, millis) - offsetMinutes * 60_000;
  return { ok: true, moment: new Date(utc) };
}

function parseOffset(offset: string): number | null {
  if (offset === "Z" || offset === "z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}
