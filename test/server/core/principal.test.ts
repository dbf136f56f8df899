import { describe, expect, it } from "vitest";
import { Role } from "../../../server/src/core/enums.js";
import { mayWrite, requireAdmin, requireUnitWriter, type Principal } from "../../../server/src/core/principal.js";

const admin: Principal = { role: Role.ADMIN, unitId: null, tokenId: null };
const officerOf7: Principal = { role: Role.OFFICER, unitId: 7, tokenId: 1 };
const unboundOfficer: Principal = { role: Role.OFFICER, unitId: null, tokenId: 2 };
const viewer: Principal = { role: Role.VIEWER, unitId: 7, tokenId: 3 };

describe("who may write a unit's records (one rule for the API and the imports)", () => {
  it("lets an ADMIN write everywhere, an OFFICER its own unit only, a VIEWER nowhere", () => {
    expect(mayWrite(admin, 7)).toBe(true);
    expect(mayWrite(officerOf7, 7)).toBe(true);
    expect(mayWrite(officerOf7, 8)).toBe(false);
    expect(mayWrite(unboundOfficer, 7)).toBe(false);
    expect(mayWrite(viewer, 7)).toBe(false);
  });

  it("refuses with FORBIDDEN, naming the unit for an OFFICER and the role for a VIEWER", () => {
    expect(() => requireUnitWriter(officerOf7, 7, "QLDT")).not.toThrow();
    const code = (f: () => void) => {
      try {
        f();
      } catch (error) {
        return [(error as { extensions?: { code?: string } }).extensions?.code, (error as Error).message];
      }
      return null;
    };
    expect(code(() => requireUnitWriter(officerOf7, 8, "VP"))).toEqual(["FORBIDDEN", "This OFFICER token may only write its own unit's records, not those of unit VP."]);
    expect(code(() => requireUnitWriter(viewer, 7, "QLDT"))).toEqual(["FORBIDDEN", "A VIEWER token can read but not write."]);
    expect(code(() => requireAdmin(officerOf7))?.[0]).toBe("FORBIDDEN");
    expect(code(() => requireAdmin(admin))).toBeNull();
  });
});
