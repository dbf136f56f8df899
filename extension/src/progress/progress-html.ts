/**
 * The progress chart webview's page, under the console's CSP discipline: nothing loads unless it comes
 * from the extension's own bundle (`cspSource`, limited further by localResourceRoots) or carries this
 * page's nonce; no connect-src, so the page cannot call any server: the extension host sends it the
 * series, and the token never enters the webview.
 */
export interface ProgressHtmlParts {
  cspSource: string;
  scriptUri: string;
  nonce: string;
}

export function progressHtml({ cspSource, scriptUri, nonce }: ProgressHtmlParts): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>CCHC: Progress</title>
    <style nonce="${nonce}">
      html, body { height: 100%; margin: 0; padding: 0; }
      body { display: flex; flex-direction: column; color: var(--vscode-foreground); font-family: var(--vscode-font-family); }
      #status { padding: 6px 12px; min-height: 1.4em; }
      #chart { flex: 1; min-height: 360px; }
    </style>
  </head>
  <body>
    <div id="status">Loading…</div>
    <div id="chart"></div>
    <script nonce="${nonce}" src="${escapeAttribute(scriptUri)}"></script>
  </body>
</html>`;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;" };

function escapeAttribute(value: string): string {
  return value.replace(/[&"'<>]/g, (character) => ENTITIES[character]);
}
