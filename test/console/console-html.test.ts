import { describe, expect, it } from "vitest";
import { consoleHtml } from "../../extension/src/console/console-html.js";

const parts = {
  cspSource: "https://file+.vscode-resource.vscode-cdn.net",
  scriptUri: "https://file+.vscode-resource.vscode-cdn.net/ext/dist/console/console.js",
  styleUri: "https://file+.vscode-resource.vscode-cdn.net/ext/dist/console/console.css",
  nonce: "bm9uY2Utb2YtdGhlLXRlc3Q=",
};

function csp(html: string): Map<string, string> {
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
  return new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive.slice(directive.indexOf(" ") + 1)]));
}

describe("consoleHtml", () => {
  it("allows nothing but the nonce'd script and the bundle's own styles, fonts and images", () => {
    const html = consoleHtml(parts);
    const policy = csp(html);
    expect(policy.get("default-src")).toBe("'none'");
    expect(policy.get("script-src")).toBe(`'nonce-${parts.nonce}'`);
    expect(policy.get("style-src")).toBe(`${parts.cspSource} 'nonce-${parts.nonce}'`);
    expect(policy.get("font-src")).toBe(parts.cspSource);
    // No connect-src: the page cannot reach a server; operations go through the extension host.
    expect(policy.has("connect-src")).toBe(false);
    expect(html).toContain(`<script nonce="${parts.nonce}" src="${parts.scriptUri}"></script>`);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it("keeps a URI with a quote inside its attribute", () => {
    const html = consoleHtml({ ...parts, styleUri: 'https://x/a"><script>alert(1)</script>.css' });
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain('href="https://x/a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;.css"');
  });
});
