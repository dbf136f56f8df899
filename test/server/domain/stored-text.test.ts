import { describe, expect, it } from "vitest";
import { storedText } from "../../../server/src/domain/stored-text.js";

describe("stored text", () => {
  it("trims and composes Vietnamese letters (NFC)", () => {
    expect(storedText("  Nguyễn Văn An \n".normalize("NFD"))).toBe("Nguyễn Văn An".normalize("NFC"));
  });

  it("drops what XML cannot carry, keeps tabs, line breaks and characters outside the BMP", () => {
    expect(storedText("A\u0000B\u0007C\uFFFE\uFFFFD")).toBe("ABCD");
    expect(storedText("x\uD800y\uDC00z")).toBe("xyz");
    expect(storedText("dòng 1\ndòng 2\tcột")).toBe("dòng 1\ndòng 2\tcột");
    expect(storedText("Công ty 😀 𠀀")).toBe("Công ty 😀 𠀀");
  });
});
