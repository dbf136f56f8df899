import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, sourceFiles } from "./import-graph.js";

/**
 * Rules the README says are written once stay written once (issue 10): the text limits come from
 * domain/text-limits.ts, the keys are normalised and looked up in services/lookups.ts. A literal
 * length or a second lookup is a second copy that drifts.
 */
const server = sourceFiles("server/src").filter((file) => !file.startsWith("server/src/db/migrations/"));
const text = (file: string) => readFileSync(join(ROOT, file), "utf8");
const offending = (pattern: RegExp, allowed: readonly string[] = []) =>
  server.filter((file) => !allowed.includes(file) && pattern.test(text(file)));

describe("written once", () => {
  it("text lengths: entities, inputs and import columns read TEXT_LIMITS, never a number of their own", () => {
    expect(offending(/TextColumn\(\s*\d/)).toEqual([]);
    expect(offending(/MaxLength\(/, ["server/src/graphql/validation.ts"])).toEqual([]);
    expect(offending(/"text",\s*\d/)).toEqual([]);
  });

  it("keys: a directive, unit or case named by a person is found or NOT_FOUND only in services/lookups.ts", () => {
    expect(offending(/new NotFoundError\(`No (directive|unit|case) has/, ["server/src/services/lookups.ts"])).toEqual([]);
  });
});
