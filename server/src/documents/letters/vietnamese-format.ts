import { vietnamDayOf, vietnamWallClock, type VietnamDay } from "../../domain/vietnam-time.js";
import { ratePercentDigits } from "../../domain/rate-percent.js";

function parts(day: VietnamDay): { year: string; month: number; date: number } {
  const [year, month, date] = day.split("-");
  return { year, month: Number(month), date: Number(date) };
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * "Hải Phòng, ngày 08 tháng 11 năm 2023": Decree 30/2020 pads days below 10 and the months
 * January and February (so "tháng 01", "tháng 02", but "tháng 3").
 */
export function placeAndDate(place: string, day: VietnamDay): string {
  const { year, month, date } = parts(day);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `${place}, ngày ${pad2(date)} tháng ${monthText} năm ${year}`;
}

/** dd/MM/yyyy of a Vietnam day. */
export function dayText(day: VietnamDay): string {
  const { year, month, date } = parts(day);
  return `${pad2(date)}/${pad2(month)}/${year}`;
}

/** dd/MM/yyyy of the Vietnam day a moment falls on. */
export function momentDayText(moment: Date): string {
  return dayText(vietnamDayOf(moment));
}

/** "14 giờ 05 phút" in Vietnam time. */
export function momentTimeText(moment: Date): string {
  const local = vietnamWallClock(moment);
  return `${pad2(local.getUTCHours())} giờ ${pad2(local.getUTCMinutes())} phút`;
}

/** "dd/MM/yyyy HH:mm" in Vietnam time, for tables. */
export function momentText(moment: Date): string {
  const local = vietnamWallClock(moment);
  return `${momentDayText(moment)} ${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
}

/** "95,5%": Vietnamese writes the decimal comma (the rounding: domain/rate-percent.ts). */
export function percentText(rate: number): string {
  return `${ratePercentDigits(rate).replace(".", ",")}%`;
}
