import type { CalendarDay } from "./calendar.js";

/**
 * The public sector's non-working weekdays and make-up working days, as confirmed in
 * docs/domain.md (Labour Code 2019 art. 112 and the yearly government notices).
 * Shipped as the first content of the holiday table (migration InitialSchema1700000000000):
 * frozen, as that migration reads it; the Office edits the table through the API.
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

/**
 * 2025 and 2026, from the notices docs/domain.md names (2025: approval 8726/VPCP-KGVX, notice
 * 6150/TB-BLĐTBXH; 2026: approvals 9859/VPCP-KGVX and 12729/VPCP-KGVX, notice 9441/TB-BNV).
 * Added by migration PublicHolidays2025And20261700000004000 where the Office has not entered the
 * date itself: frozen too; a correction is a new migration (or the Office's upsertHoliday).
 * 2026-11-24 (Ngày Văn hóa Việt Nam) is left out on purpose: not in the Labour Code when checked.
 */
export const PUBLIC_HOLIDAYS_2025_2026: readonly CalendarDay[] = [
  { date: "2025-01-01", kind: "HOLIDAY", name: "Tết Dương lịch" },
  { date: "2025-01-27", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2025-01-28", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2025-01-29", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2025-01-30", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2025-01-31", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2025-04-07", kind: "HOLIDAY", name: "Giỗ Tổ Hùng Vương" },
  { date: "2025-04-26", kind: "MAKEUP_WORKDAY", name: "Làm bù cho ngày 02/05/2025" },
  { date: "2025-04-30", kind: "HOLIDAY", name: "Ngày Giải phóng miền Nam" },
  { date: "2025-05-01", kind: "HOLIDAY", name: "Ngày Quốc tế Lao động" },
  { date: "2025-05-02", kind: "HOLIDAY", name: "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)" },
  { date: "2025-09-01", kind: "HOLIDAY", name: "Quốc khánh" },
  { date: "2025-09-02", kind: "HOLIDAY", name: "Quốc khánh" },
  { date: "2026-01-01", kind: "HOLIDAY", name: "Tết Dương lịch" },
  { date: "2026-01-02", kind: "HOLIDAY", name: "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)" },
  { date: "2026-01-10", kind: "MAKEUP_WORKDAY", name: "Làm bù cho ngày 02/01/2026" },
  { date: "2026-02-16", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2026-02-17", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2026-02-18", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2026-02-19", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2026-02-20", kind: "HOLIDAY", name: "Tết Nguyên đán" },
  { date: "2026-04-27", kind: "HOLIDAY", name: "Giỗ Tổ Hùng Vương (nghỉ bù)" },
  { date: "2026-04-30", kind: "HOLIDAY", name: "Ngày Giải phóng miền Nam" },
  { date: "2026-05-01", kind: "HOLIDAY", name: "Ngày Quốc tế Lao động" },
  { date: "2026-08-22", kind: "MAKEUP_WORKDAY", name: "Làm bù cho ngày 31/08/2026" },
  { date: "2026-08-31", kind: "HOLIDAY", name: "Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)" },
  { date: "2026-09-01", kind: "HOLIDAY", name: "Quốc khánh" },
  { date: "2026-09-02", kind: "HOLIDAY", name: "Quốc khánh" },
];

/** Every shipped year, by date: the calendar of the demo and of the tests, as a fresh database holds it. */
export const SHIPPED_PUBLIC_HOLIDAYS: readonly CalendarDay[] = [...PUBLIC_HOLIDAYS_2023_2024, ...PUBLIC_HOLIDAYS_2025_2026];
