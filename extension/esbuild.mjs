// Bundles the extension into one CommonJS file for the VS Code extension host (Node 20 inside VS Code 1.100).
// `vscode` is provided by the host; everything else (fflate, the graphql parser, the domain's Vietnam time)
// is bundled so the .vsix ships without node_modules (`vsce package --no-dependencies`).
// The progress chart's page (webview/progress-webview.ts, Apache ECharts) is a second, browser bundle in
// dist/progress: offline, no CDN, loaded by the webview under its CSP.
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";

const production = process.argv.includes("--production");

await esbuild.build({
  entryPoints: ["src/extension.ts"],
  outfile: "dist/extension.js",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  external: ["vscode"],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // graphql ships .mjs and .js builds; one copy in the bundle, whichever a module asks for.
  mainFields: ["module", "main"],
  logLevel: "warning",
});

await esbuild.build({
  entryPoints: ["webview/progress-webview.ts"],
  outfile: "dist/progress/progress.js",
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["chrome114"],
  minify: true,
  legalComments: "external",
  alias: { "@cchc/domain": fileURLToPath(new URL("../server/src/domain/index.ts", import.meta.url)) },
  logLevel: "warning",
});
