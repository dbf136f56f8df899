import { readFileSync } from "node:fs";
import { buildSchema, findBreakingChanges } from "graphql";
import { describe, expect, it } from "vitest";
import { printSchemaFile } from "../../../server/src/graphql/print-schema.js";
import { createSchema } from "../../../server/src/graphql/schema.js";

/** The public contract, as the repository carries it. */
const CONTRACT = "docs/contract.graphql";
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

  it("breaks nothing of the contract beyond the parts not yet served", () => {
    const contract = buildSchema(readFileSync(CONTRACT, "utf8"));
    const schema = buildSchema(readFileSync("schema.graphql", "utf8"));
    const breaking = findBreakingChanges(contract, schema).map((change) => change.description);
    expect(breaking.sort()).toEqual([...NOT_YET_SERVED].sort());
  });
});
