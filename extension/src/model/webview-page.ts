/**
 * The one shell of the extension's webview pages (the console, the progress chart). Strict CSP:
 * nothing loads unless it comes from the extension's own bundle (`cspSource`, limited further by
 * localResourceRoots) or carries this page's nonce; no connect-src, so a page cannot call any server
 * itself and everything goes through the extension host (the token never enters a webview); no
 * workers, no base URI, no form target.
 */
export interface WebviewPageParts {
  lang: string;
  title: string;
  cspSource: string;
  scriptUri: string;
  nonce: string;
  /** The page loads fonts from the bundle (font-src). */
  fonts?: boolean;
  /** Lines inside <head> after the title, and inside <body> before the script, as the page writes them. */
  head: (attribute: (value: string) => string) => string;
  body: string;
}

export function webviewPage({ lang, title, cspSource, scriptUri, nonce, fonts = false, head, body }: WebviewPageParts): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    ...(fonts ? [`font-src ${cspSource}`] : []),
    `img-src ${cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
${head(escapeAttribute)}
  </head>
  <body>
${body}
    <script nonce="${nonce}" src="${escapeAttribute(scriptUri)}"></script>
  </body>
</html>`;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;" };

/** Webview URIs come from VS Code, but a path with a quote in it must still not end the attribute. */
function escapeAttribute(value: string): string {
  return value.replace(/[&"'<>]/g, (character) => ENTITIES[character]);
}
