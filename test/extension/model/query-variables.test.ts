import { describe, expect, it } from "vitest";
import { chooseOperation, missingVariables, parseVariablesComment } from "../../../extension/src/model/query-variables.js";

describe("# variables: comment", () => {
  it("is absent from a plain query", () => {
    expect(parseVariablesComment("{ units { code } }")).toEqual({ found: false });
  });
  it("reads a one-line JSON object", () => {
    const text = '# variables: {"code": "VP", "first": 5}\nquery U($code: String!) { unit(code: $code) { name } }';
    expect(parseVariablesComment(text)).toEqual({ found: true, variables: { code: "VP", first: 5 } });
  });
  it("reads JSON spread over the following comment lines", () => {
    const text = ['query Q($a: Int) { units { code } }', "# variables: {", '#   "a": 1,', '#   "b": "x"', "# }"].join("\n");
    expect(parseVariablesComment(text)).toEqual({ found: true, variables: { a: 1, b: "x" } });
  });
  it("says what is wrong with bad JSON or a non-object", () => {
    const bad = parseVariablesComment("# variables: {code: VP}\n{ units { code } }");
    expect(bad.found && "error" in bad && bad.error).toMatch(/not valid JSON/);
    const list = parseVariablesComment("# variables: [1]");
    expect(list.found && "error" in list && list.error).toMatch(/JSON object/);
  });
  it("stops after 200 comment lines of unfinished JSON instead of trying each line's text again (quadratic)", () => {
    // A review's 16,000 comment lines after an unclosed object held the extension host 6.9 s.
    const text = ['# variables: {"code": "VP",', ...Array.from({ length: 16_000 }, (_, i) => `# line ${i}`), "query Q { units { code } }"].join("\n");
    const started = Date.now();
    const parsed = parseVariablesComment(text);
    expect(Date.now() - started).toBeLessThan(500);
    expect(parsed.found && "error" in parsed && parsed.error).toMatch(/more than 200 lines/);
  });
  it("reads the comment above the chosen operation when each has its own", () => {
    const text = ['# variables: {"code": "VP"}', "query U($code: String!) { unit(code: $code) { name } }", '# variables: {"id": "7"}', "query D($id: ID!) { directive(id: $id) { number } }"].join("\n");
    const second = chooseOperation(text, text.indexOf("query D") + 3);
    expect(second.operationName).toBe("D");
    expect(parseVariablesComment(text, second.start)).toEqual({ found: true, variables: { id: "7" } });
    expect(parseVariablesComment(text, chooseOperation(text, 0).start)).toEqual({ found: true, variables: { code: "VP" } });
  });
});

describe("chooseOperation", () => {
  const doc = [
    "query Units { units { code } }",
    "",
    "query Unit($code: String!, $asOf: DateTime) { unit(code: $code) { compliance(asOf: $asOf) { rate } } }",
  ].join("\n");

  it("takes the operation under the cursor, with its variables", () => {
    const chosen = chooseOperation(doc, doc.indexOf("unit(code"));
    expect(chosen.operationName).toBe("Unit");
    expect(chosen.variableNames).toEqual(["code", "asOf"]);
    expect(missingVariables(chosen, { code: "VP" })).toEqual(["asOf"]);
  });
  it("takes the first operation when the cursor is elsewhere", () => {
    expect(chooseOperation(doc, 0).operationName).toBe("Units");
  });
  it("accepts an anonymous query alone", () => {
    expect(chooseOperation("{ units { code } }")).toMatchObject({ operationName: undefined, variableNames: [] });
  });
  it("reports a syntax error with its line", () => {
    expect(() => chooseOperation("query {\n units { code ")).toThrow(/line 2/);
  });
  it("refuses unnamed operations among several", () => {
    expect(() => chooseOperation("{ units { code } }\nquery B { directives { id } }", 0)).toThrow(/needs a name/);
  });
});
