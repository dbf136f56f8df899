import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { printSchemaFile } from "./print-schema.js";
import { createSchema } from "./schema.js";

/** `npm run schema`: writes the schema the code builds into the committed schema.graphql. */
async function main(): Promise<void> {
  const target = resolve(process.cwd(), "schema.graphql");
  writeFileSync(target, printSchemaFile(await createSchema()), "utf8");
  process.stdout.write(`wrote ${target}\n`);
}

void main();
