import { describe, expect, it } from "vitest";
import {
  dayText,
  momentDayText,
  momentText,
  momentTimeText,
  percentText,
  placeAndDate,
} from "../../../server/src/documents/letters/vietnamese-format.js";

describe("Vietnamese dates and figures in letters", () => {
  it("writes the place-and-date line as Decree 30 does: days below 10 and months 1-2 padded", () => {
    expect(placeAndDate("Hải Phòng", "2023-11-08")).toBe("Hải Phòng, ngày 08 tháng 11 năm 2023");
    expect(placeAndDate("Hải Phòng", "2023-01-19")).toBe("Hải Phòng, ngày 19 tháng 01 năm 2023");
    expect(placeAndDate("Hải Phòng", "2024-02-29")).toBe("Hải Phòng, ngày 29 tháng 02 năm 2024");
    expect(placeAndDate("Hải Phòng", "2024-03-05")).toBe("Hải Phòng, ngày 05 tháng 3 năm 2024");
    expect(placeAndDate("Hải Phòng", "2023-12-31")).toBe("Hải Phòng, ngày 31 tháng 12 năm 2023");
  });

  it("judges a moment's day and time in Vietnam time", () => {
    // 23:00 UTC on 31/12/2023 is 06:00 on 1 January 2024 in Hai Phong.
    const moment = new Date("2023-12-31T23:00:00Z");
    expect(momentDayText(moment)).toBe("01/01/2024");
    expect(momentTimeText(moment)).toBe("06 giờ 00 phút");
    expect(momentText(moment)).toBe("01/01/2024 06:00");
    expect(dayText("2023-11-17")).toBe("17/11/2023");
  });

  it("rounds rates to a tenth with a decimal comma, never 100% below 1", () => {
    expect(percentText(1)).toBe("100%");
    expect(percentText(0)).toBe("0%");
    expect(percentText(2 / 3)).toBe("66,7%");
    expect(percentText(1 / 3)).toBe("33,3%");
    expect(percentText(0.875)).toBe("87,5%");
    expect(percentText(0.5)).toBe("50%");
    expect(percentText(0.9996)).toBe("99,9%");
    expect(percentText(999 / 1000)).toBe("99,9%");
  });
});
