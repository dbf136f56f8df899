import { existsSync, readFileSync } from "node:fs";
import { buildSchema, findBreakingChanges } from "graphql";
import { describe, expect, it } from "vitest";
import { printSchemaFile } from "../../../server/src/graphql/print-schema.js";
import { createSchema } from "../../../server/src/graphql/schema.js";

/** The public contract, as the repository carries it. */
const CONTRACT = "docs/contract.graphql";
/**
 * Optional: where this checkout sits beside the upstream folder the contract is copied from, one test
 * also holds the copy current. Anywhere else that test is skipped; nothing else reads this path.
 */
const UPSTREAM_CONTRACT = "../shared/contract.graphql";

/**
 * Contract parts whose issues have not landed yet. The list only shrinks: when a document query
 * or an import lands, its lines go (the test fails while a landed part is still listed).
 */
const NOT_YET_SERVED: string[] = [];

describe("schema.graphql", () => {
  it("is what the code emits (run `npm run schema` after changing the API)", async () => {
    const committed = readFileSync("schema.graphql", "utf8");
    expect(committed).toBe(printSchemaFile(await createSchema()));
  });

  it("keeps docs/contract.graphql equal to the upstream contract, where a checkout has one beside it", (context) => {
    if (!existsSync(UPSTREAM_CONTRACT)) context.skip();
    expect(readFileSync(CONTRACT, "utf8")).toBe(readFileSync(UPSTREAM_CONTRACT, "utf8"));
  });

  it("breaks nothing of the contract beyond the parts not yet served", () => {
    const contract = buildSchema(readFileSync(CONTRACT, "utf8"));
    const schema = buildSchema(readFileSync("schema.graphql", "utf8"));
    const breaking = findBreakingChanges(contract, schema).map((change) => change.description);
    expect(breaking.sort()).toEqual([...NOT_YET_SERVED].sort());
  });
});
