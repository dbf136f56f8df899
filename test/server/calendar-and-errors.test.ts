import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../support/databases.js";
import { dataOf, errorCode, startTestServer, type TestServer } from "../support/test-server.js";
import { caseInput, seedBasics, upsertCase } from "./fixtures.js";

describe.each(testDrivers())("the editable calendar and error masking on %s", (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(driver);
    await seedBasics(server, [["QLLD", "Phòng Quản lý Lao động", "DEPARTMENT"]]);
  });
  afterAll(() => server?.close());

  const lateDays = async () =>
    dataOf(await server.gql<{ case: { workingDaysLate: number } }>(`{ case(code: "CAL-1") { workingDaysLate } }`)).case.workingDaysLate;

  it("ships 2023 and 2024, and an admin's change to the calendar changes working days late", async () => {
    const shipped = dataOf(await server.gql<{ holidays: { date: string; kind: string }[] }>(`{ holidays(year: 2024) { date kind } }`)).holidays;
    expect(shipped).toHaveLength(13);
    expect(shipped.find((d) => d.date === "2024-05-04")?.kind).toBe("MAKEUP_WORKDAY");

    // Due Tuesday 29 Apr 2025, resolved Monday 5 May 2025: 30 Apr, 1 May, 2 May, 5 May are weekdays.
    dataOf(await upsertCase(server, caseInput("CAL-1", "QLLD", "2025-04-29T16:30:00+07:00", "2025-05-05T09:00:00+07:00", "2025-04-20T08:00:00+07:00")));
    expect(await lateDays()).toBe(4);
    for (const date of ["2025-04-30", "2025-05-01", "2025-05-02"]) {
      dataOf(await server.gql(`mutation($d: Date!) { upsertHoliday(input: { date: $d, kind: HOLIDAY, name: "Nghỉ lễ" }) { date } }`, { d: date }));
    }
    expect(await lateDays()).toBe(1);
    dataOf(await server.gql(`mutation { upsertHoliday(input: { date: "2025-05-03", kind: MAKEUP_WORKDAY, name: "Làm bù" }) { date } }`));
    expect(await lateDays()).toBe(2);
    expect(dataOf(await server.gql<{ deleteHoliday: boolean }>(`mutation { deleteHoliday(date: "2025-05-02") }`)).deleteHoliday).toBe(true);
    expect(dataOf(await server.gql<{ deleteHoliday: boolean }>(`mutation { deleteHoliday(date: "2025-05-02") }`)).deleteHoliday).toBe(false);
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
