import { describe, expect, it } from "vitest";
import { effectiveOperationName } from "../../console/src/operation-name.js";

describe("effectiveOperationName", () => {
  it("drops a name the single operation of the document no longer has", () => {
    expect(effectiveOperationName("{ units { code } }", "Board")).toBeUndefined();
    expect(effectiveOperationName("query Units { units { code } }", "Board")).toBeUndefined();
  });

  it("keeps a name the document defines, and any name when several operations need one", () => {
    expect(effectiveOperationName("query Board { units { code } }", "Board")).toBe("Board");
    expect(effectiveOperationName("query A { units { code } } query B { units { name } }", "C")).toBe("C");
    expect(effectiveOperationName("query {", "Board")).toBe("Board");
    expect(effectiveOperationName("{ units { code } }", null)).toBeUndefined();
  });
});
