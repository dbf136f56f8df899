import { describe, expect, it } from "vitest";
import { exampleTabs } from "../../console/example-tabs.mjs";

const SOURCE = `# Units, worst first
# variables: {"first": 5}
query Units($first: Int) {
  units { ...UnitFields }
}

fragment UnitFields on Unit { code ...UnitName }
fragment UnitName on Unit { name }

# Not attached: a blank line separates it from the operation below.

mutation CreateUnit {
  createUnit(input: { code: "X", name: "Y", kind: DEPARTMENT }) { code }
}
`;

describe("exampleTabs", () => {
  it("makes one tab per operation, with its comments, variables and every fragment it spreads", () => {
    const tabs = exampleTabs(SOURCE);
    expect(tabs).toHaveLength(2);
    expect(tabs[0].query.startsWith("# Units, worst first\n# variables:")).toBe(true);
    expect(tabs[0].query).toContain("fragment UnitFields on Unit");
    expect(tabs[0].query).toContain("fragment UnitName on Unit { name }");
    expect(JSON.parse(tabs[0].variables!)).toEqual({ first: 5 });
    expect(tabs[1].query.startsWith("mutation CreateUnit {")).toBe(true);
    expect(tabs[1].query).not.toContain("fragment");
    expect(tabs[1].variables).toBeUndefined();
  });

  it("rejects a file that is not GraphQL, so a broken examples.graphql fails the build", () => {
    expect(() => exampleTabs("query {")).toThrow(/Syntax Error/);
  });
});
