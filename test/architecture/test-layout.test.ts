import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./import-graph.js";

/**
 * The tests mirror the source tree (README, "Architecture"): a test of server/src/<folder>/x.ts lives in
 * test/server/<folder>/, one of extension/src/<folder>/ in test/extension/<folder>/. Suites named by a
 * concern that spans folders keep their own top-level folder; nothing else sits directly under test/.
 */
const MIRRORS: Record<string, string> = { "test/server": "server/src", "test/extension": "extension/src" };
const BY_CONCERN = ["architecture", "cluster", "console", "e2e", "faults", "fuzz", "support"];

/** Every file under `dir` whose name ends in .test.ts, repository-relative. */
function testFiles(dir: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return testFiles(path);
    return name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("the test tree", () => {
  it("has only the mirrors and the suites named by concern at its top", () => {
    const top = readdirSync(join(ROOT, "test")).map((name) => `test/${name}`);
    const known = new Set([...Object.keys(MIRRORS), ...BY_CONCERN.map((name) => `test/${name}`)]);
    expect(top.filter((path) => !known.has(path))).toEqual([]);
  });

  for (const [tests, source] of Object.entries(MIRRORS)) {
    it(`${tests}/ mirrors ${source}/: every test's folder is a source folder, a test at the top names a source file`, () => {
      const files = testFiles(tests);
      expect(files.length).toBeGreaterThan(10);
      const astray = files.filter((file) => {
        const rest = file.slice(tests.length + 1);
        const slash = rest.lastIndexOf("/");
        if (slash === -1) return !existsSync(join(ROOT, source, rest.replace(/\.test\.ts$/, ".ts")));
        return !existsSync(join(ROOT, source, rest.slice(0, slash)));
      });
      expect(astray).toEqual([]);
    });
  }
});
