import { describe, expect, it } from "vitest";
import { parseDateTime } from "../../../server/src/core/scalars.js";

/** The contract: DateTime "accepts any offset"; ISO-8601 writes one as Z, +07:00, +0700 or +07. */
describe("DateTime offsets", () => {
  it("reads every ISO-8601 form of an offset to the same moment", () => {
    for (const text of ["2023-11-17T23:59:59+07:00", "2023-11-17T23:59:59+0700", "2023-11-17T23:59:59+07", "2023-11-17T16:59:59Z", "2023-11-17T11:59:59-05"]) {
      expect(parseDateTime(text).toISOString(), text).toBe("2023-11-17T16:59:59.000Z");
    }
    expect(parseDateTime("2023-11-17T23:59+07").toISOString()).toBe("2023-11-17T16:59:00.000Z");
  });

  it("still refuses a moment without an offset or with one that does not exist", () => {
    for (const text of ["2023-11-17T23:59:59", "2023-11-17T23:59:59+7", "2023-11-17T23:59:59+25", "2023-11-17T23:59:59+07:0"]) {
      expect(() => parseDateTime(text), text).toThrow(/offset/);
    }
  });
});
