import { createHash } from "node:crypto";

/**
 * GraphiQL's stylesheet inlines its fonts as data: URLs. Moving them into files lets the CSP allow fonts
 * from the bundle's own origin only (`font-src 'self'` / `webview.cspSource`) instead of any data: URL.
 * Returns the rewritten CSS and the files to write next to it.
 */
export function extractFonts(css, folder = "fonts") {
  const files = new Map();
  const rewritten = css.replace(/url\(\s*["']?data:font\/([a-z0-9+.-]+);base64,([A-Za-z0-9+/=]+)["']?\s*\)/g, (_, type, data) => {
    const bytes = Buffer.from(data, "base64");
    const name = `${folder}/${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}.${type}`;
    files.set(name, bytes);
    return `url(${name})`;
  });
  return { css: rewritten, files };
}
