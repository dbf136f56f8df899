import { webviewPage } from "../model/webview-page.js";

/**
 * The progress chart webview's page, in the shell every webview shares (model/webview-page.ts: strict
 * CSP, no connect-src): the extension host sends it the series, and the token never enters the webview.
 */
export interface ProgressHtmlParts {
  cspSource: string;
  scriptUri: string;
  nonce: string;
}

export function progressHtml({ cspSource, scriptUri, nonce }: ProgressHtmlParts): string {
  return webviewPage({
    lang: "vi",
    title: "CCHC: Progress",
    cspSource,
    scriptUri,
    nonce,
    head: () => `    <style nonce="${nonce}">
      html, body { height: 100%; margin: 0; padding: 0; }
      body { display: flex; flex-direction: column; color: var(--vscode-foreground); font-family: var(--vscode-font-family); }
      #status { padding: 6px 12px; min-height: 1.4em; }
      #chart { flex: 1; min-height: 360px; }
    </style>`,
    body: `    <div id="status">Loading…</div>
    <div id="chart"></div>`,
  });
}
