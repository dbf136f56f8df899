import type { CalendarDay } from "./calendar.js";

/**
 * The public sector's non-working weekdays and make-up working days, as confirmed in
 * ../shared/domain.md (Labour Code 2019 art. 112 and the yearly government notices).
 * Shipped as the first content of the holiday table; the Office edits later years through the API.
 */
export const PUBLIC_HOLIDAYS_2023_2024: readonly CalendarDay[] = [
  { date: "2023-01-02", kind: "HOLIDAY", name: "Tết Dương lịch (nghỉ bù)" },
  { date: "2023-01-20", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2023-01-23", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2023-01-24", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2023-01-25", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2023-01-26", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2023-05-01", kind: "HOLIDAY", name: "Ngày Quốc tế Lao động" },
  { date: "2023-05-02", kind: "HOLIDAY", name: "Giỗ Tổ Hùng Vương (nghỉ bù)" },
  { date: "2023-05-03", kind: "HOLIDAY", name: "Ngày Giải phóng miền Nam (nghỉ bù)" },
  { date: "2023-09-01", kind: "HOLIDAY", name: "Quốc khánh" },
  { date: "2023-09-04", kind: "HOLIDAY", name: "Quốc khánh (nghỉ bù)" },
  { date: "2024-01-01", kind: "HOLIDAY", name: "Tết Dương lịch" },
  { date: "2024-02-08", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2024-02-09", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2024-02-12", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2024-02-13", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2024-02-14", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2024-04-18", kind: "HOLIDAY", name: "Giỗ Tổ Hùng Vương" },
  { date: "2024-04-29", kind: "HOLIDAY", name: "Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)" },
  { date: "2024-04-30", kind: "HOLIDAY", name: "Ngày Giải phóng miền Nam" },
  { date: "2024-05-01", kind: "HOLIDAY", name: "Ngày Quốc tế Lao động" },
  { date: "2024-05-04", kind: "MAKEUP_WORKDAY", name: "Làm bù cho ngày 29/04/2024" },
  { date: "2024-09-02", kind: "HOLIDAY", name: "Quốc khánh" },
  { date: "2024-09-03", kind: "HOLIDAY", name: "Quốc khánh" },
];
