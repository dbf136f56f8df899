// Builds the GraphiQL console once for both hosts: dist/console is served by the server at /graphiql, and
// a copy in extension/dist/console is packaged into the .vsix for the webview panel.
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { exampleTabs } from "./example-tabs.mjs";
import { extractFonts } from "./font-files.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const out = join(root, "dist", "console");
const extensionCopy = join(root, "extension", "dist", "console");

async function readExampleTabs() {
  const file = join(root, "examples.graphql");
  if (!existsSync(file)) {
    process.stderr.write("console: examples.graphql not found; the console opens with one empty tab.\n");
    return [{ query: "# examples.graphql was missing when the console was built.\n{\n  __typename\n}\n" }];
  }
  return exampleTabs(await readFile(file, "utf8"));
}

// Built beside the target and swapped in with renames: a server (or a test) reading dist/console while a
// build runs never sees it half written or missing.
const staging = `${out}.${process.pid}.tmp`;
await rm(staging, { recursive: true, force: true });
await build({
  entryPoints: { console: join(here, "src", "main.tsx") },
  outdir: staging,
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome114", "firefox115", "safari16"],
  jsx: "automatic",
  legalComments: "external",
  define: {
    "process.env.NODE_ENV": '"production"',
    CCHC_EXAMPLE_TABS: JSON.stringify(await readExampleTabs()),
  },
  logLevel: "warning",
});

const cssFile = join(staging, "console.css");
const { css, files } = extractFonts(await readFile(cssFile, "utf8"));
await writeFile(cssFile, css);
await mkdir(join(staging, "fonts"), { recursive: true });
for (const [name, bytes] of files) await writeFile(join(staging, name), bytes);
await cp(join(here, "index.html"), join(staging, "index.html"));

const extensionStaging = `${extensionCopy}.${process.pid}.tmp`;
await rm(extensionStaging, { recursive: true, force: true });
await cp(staging, extensionStaging, { recursive: true, filter: (source) => !source.endsWith("index.html") });
await swapInto(staging, out);
await swapInto(extensionStaging, extensionCopy);

async function swapInto(ready, target) {
  const old = `${target}.${process.pid}.old`;
  await mkdir(dirname(target), { recursive: true });
  await rename(target, old).catch(() => undefined);
  // Another build may have put its own, equivalent, copy in place between the two renames: keep that one.
  await rename(ready, target).catch((error) => {
    if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    return rm(ready, { recursive: true, force: true });
  });
  await rm(old, { recursive: true, force: true });
}
