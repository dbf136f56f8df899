import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../../support/databases.js";
import { dataOf, errorCode, startTestServer, type TestServer } from "../../support/test-server.js";
import { caseInput, seedBasics, upsertCase } from "../../support/fixtures.js";

describe.each(testDrivers())("the editable calendar and error masking on %s", (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(driver);
    await seedBasics(server, [["QLLD", "Phòng Quản lý Lao động", "DEPARTMENT"]]);
  });
  afterAll(() => server?.close());

  const lateDays = async () =>
    dataOf(await server.gql<{ case: { workingDaysLate: number } }>(`{ case(code: "CAL-1") { workingDaysLate } }`)).case.workingDaysLate;

  it("ships 2023 to 2026, and an admin's change to the calendar changes working days late", async () => {
    const shipped = dataOf(await server.gql<{ holidays: { date: string; kind: string }[] }>(`{ holidays(year: 2024) { date kind } }`)).holidays;
    expect(shipped).toHaveLength(13);
    expect(shipped.find((d) => d.date === "2024-05-04")?.kind).toBe("MAKEUP_WORKDAY");
    const notShipped = dataOf(await server.gql<{ holidays: { date: string }[] }>(`{ holidays(year: 2022) { date } }`)).holidays;
    expect(notShipped).toEqual([]);

    // 2022 is not shipped. Due Tuesday 26 Apr 2022, resolved Monday 2 May 2022: 27, 28, 29 Apr and 2 May are weekdays.
    dataOf(await upsertCase(server, caseInput("CAL-1", "QLLD", "2022-04-26T16:30:00+07:00", "2022-05-02T09:00:00+07:00", "2022-04-20T08:00:00+07:00")));
    expect(await lateDays()).toBe(4);
    for (const date of ["2022-04-27", "2022-04-28", "2022-04-29"]) {
      dataOf(await server.gql(`mutation($d: Date!) { upsertHoliday(input: { date: $d, kind: HOLIDAY, name: "Nghỉ lễ" }) { date } }`, { d: date }));
    }
    expect(await lateDays()).toBe(1);
    dataOf(await server.gql(`mutation { upsertHoliday(input: { date: "2022-04-30", kind: MAKEUP_WORKDAY, name: "Làm bù" }) { date } }`));
    expect(await lateDays()).toBe(2);
    expect(dataOf(await server.gql<{ deleteHoliday: boolean }>(`mutation { deleteHoliday(date: "2022-04-29") }`)).deleteHoliday).toBe(true);
    expect(dataOf(await server.gql<{ deleteHoliday: boolean }>(`mutation { deleteHoliday(date: "2022-04-29") }`)).deleteHoliday).toBe(false);
    expect(await lateDays()).toBe(3);
  });

  it("refuses a make-up day on a weekday, a holiday on a weekend, and non-admins", async () => {
    expect(errorCode(await server.gql(`mutation { upsertHoliday(input: { date: "2025-05-05", kind: MAKEUP_WORKDAY, name: "x" }) { date } }`))).toBe("BAD_USER_INPUT");
    expect(errorCode(await server.gql(`mutation { upsertHoliday(input: { date: "2025-05-04", kind: HOLIDAY, name: "x" }) { date } }`))).toBe("BAD_USER_INPUT");
    const viewer = dataOf(await server.gql<{ createApiToken: { token: string } }>(`mutation { createApiToken(input: { name: "v", role: VIEWER }) { token } }`)).createApiToken.token;
    expect(errorCode(await server.gql(`mutation { upsertHoliday(input: { date: "2025-09-01", kind: HOLIDAY, name: "x" }) { date } }`, undefined, viewer))).toBe("FORBIDDEN");
  });

  it("accepts any offset and a space separator, answers in UTC", async () => {
    dataOf(await upsertCase(server, caseInput("TZ-1", "QLLD", "2023-11-17 16:30:00+0700", "2023-11-17T05:00:00-04:00")));
    const data = dataOf(await server.gql<{ case: { dueAt: string; resolvedAt: string; timeliness: string } }>(`{ case(code: "TZ-1") { dueAt resolvedAt timeliness } }`));
    expect(data.case).toEqual({ dueAt: "2023-11-17T09:30:00.000Z", resolvedAt: "2023-11-17T09:00:00.000Z", timeliness: "ON_TIME" });
  });

  it("masks an unexpected failure with a reference id and no internals", async () => {
    await server.database.db.query("DROP TABLE holidays");
    const response = await server.gql(`{ case(code: "CAL-1") { code workingDaysLate } }`);
    expect(errorCode(response)).toBe("INTERNAL_SERVER_ERROR");
    const error = response.errors?.[0];
    expect(error?.extensions?.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error?.message).toContain(String(error?.extensions?.errorId));
    expect(JSON.stringify(response)).not.toMatch(/holidays|SELECT|stack/i);
  });
});
