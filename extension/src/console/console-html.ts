import { webviewPage } from "../model/webview-page.js";

/**
 * The console webview's page, in the shell every webview shares (model/webview-page.ts: strict CSP,
 * no connect-src, every operation through the extension host). GraphiQL 4 edits with CodeMirror 5 and
 * needs no workers; its dialogs inject one <style> element, which carries the nonce (console/src/main.tsx);
 * its fonts come from the bundle.
 */
export interface ConsoleHtmlParts {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

export function consoleHtml({ cspSource, scriptUri, styleUri, nonce }: ConsoleHtmlParts): string {
  return webviewPage({
    lang: "en",
    title: "CCHC GraphiQL",
    cspSource,
    scriptUri,
    nonce,
    fonts: true,
    head: (attribute) => `    <link rel="stylesheet" href="${attribute(styleUri)}" />`,
    body: `    <div id="root"></div>`,
  });
}
