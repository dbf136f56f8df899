import { existsSync, readFileSync } from "node:fs";
import { buildSchema, findBreakingChanges } from "graphql";
import { describe, expect, it } from "vitest";
import { printSchemaFile } from "../../server/src/graphql/print-schema.js";
import { createSchema } from "../../server/src/graphql/schema.js";

/** The public contract lives beside the checkout; a copy travels with the code for clones elsewhere. */
const SHARED_CONTRACT = "../shared/contract.graphql";
const VENDORED_CONTRACT = "docs/contract.graphql";

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

  it("keeps docs/contract.graphql a faithful copy of ../shared/contract.graphql", (context) => {
    if (!existsSync(SHARED_CONTRACT)) context.skip();
    expect(readFileSync(VENDORED_CONTRACT, "utf8")).toBe(readFileSync(SHARED_CONTRACT, "utf8"));
  });

  it("breaks nothing of the contract beyond the parts not yet served", () => {
    const contractFile = existsSync(SHARED_CONTRACT) ? SHARED_CONTRACT : VENDORED_CONTRACT;
    const contract = buildSchema(readFileSync(contractFile, "utf8"));
    const schema = buildSchema(readFileSync("schema.graphql", "utf8"));
    const breaking = findBreakingChanges(contract, schema).map((change) => change.description);
    expect(breaking.sort()).toEqual([...NOT_YET_SERVED].sort());
  });
});
