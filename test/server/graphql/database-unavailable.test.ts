import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "../../../server/src/graphql/database-unavailable.js";

describe("isDatabaseUnreachable", () => {
  it("knows a dropped or refused database connection, as the driver or TypeORM hands it on", () => {
    expect(isDatabaseUnreachable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:3306"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("Connection lost"), { code: "PROTOCOL_CONNECTION_LOST" }))).toBe(true);
    const wrapped = Object.assign(new Error("Query failed"), { driverError: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
    expect(isDatabaseUnreachable(wrapped)).toBe(true);
    expect(isDatabaseUnreachable(new Error("outer", { cause: Object.assign(new Error("x"), { code: "ER_SERVER_SHUTDOWN" }) }))).toBe(true);
  });

  it("leaves every other failure to the generic masked error", () => {
    expect(isDatabaseUnreachable(Object.assign(new Error("Duplicate entry"), { code: "ER_DUP_ENTRY" }))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(false);
    expect(isDatabaseUnreachable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
    expect(isDatabaseUnreachable("ECONNREFUSED")).toBe(false);
  });
});
