/**
 * The console webview's page. Strict CSP: nothing loads unless it comes from the extension's own bundle
 * (`cspSource`, limited further by localResourceRoots) or carries this page's nonce; no connect-src, so
 * the page cannot call any server itself and every operation goes through the extension host.
 * GraphiQL 4 edits with CodeMirror 5 and needs no workers, so there is no worker-src either.
 */
export interface ConsoleHtmlParts {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

export function consoleHtml({ cspSource, scriptUri, styleUri, nonce }: ConsoleHtmlParts): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // GraphiQL's dialogs inject one <style> element, which carries the nonce (console/src/main.tsx).
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>CCHC GraphiQL</title>
    <link rel="stylesheet" href="${escapeAttribute(styleUri)}" />
  </head>
  <body>
    <div id="root"></div>
    <script nonce="${nonce}" src="${escapeAttribute(scriptUri)}"></script>
  </body>
</html>`;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;" };

/** Webview URIs come from VS Code, but a path with a quote in it must still not end the attribute. */
function escapeAttribute(value: string): string {
  return value.replace(/[&"'<>]/g, (character) => ENTITIES[character]);
}
