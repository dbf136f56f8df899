import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import "./console.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { browserFetcher } from "./browser-fetcher.js";
import { TokenField } from "./token-field.js";
import { readToken } from "./token-store.js";
import { webviewFetcher } from "./webview-fetcher.js";
import { vscodeApi, type VsCodeApi } from "./vscode-api.js";
import { useVscodeTheme } from "./vscode-theme.js";
import { webviewStorage } from "./webview-storage.js";

/** Operations of the repository's examples.graphql, turned into tabs by console/build.mjs. */
declare const CCHC_EXAMPLE_TABS: { query: string; variables?: string }[];

declare global {
  // Read by react-style-singleton (GraphiQL's dialogs) to put a nonce on the <style> it injects.
  var __webpack_nonce__: string | undefined;
}

const root = document.getElementById("root");
if (!root) throw new Error("console: the page has no #root element to render GraphiQL into.");
// The page's own script carries the CSP nonce; reusing it lets GraphiQL's injected styles pass the CSP.
globalThis.__webpack_nonce__ = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;

/** How long the token field must rest before the schema is fetched again with the new token. */
const TOKEN_SETTLE_MS = 400;

function BrowserConsole() {
  const token = useRef(readToken());
  const [settledToken, setSettledToken] = useState(token.current);
  const [typedToken, setTypedToken] = useState(token.current);
  useEffect(() => {
    const timer = setTimeout(() => setSettledToken(typedToken), TOKEN_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [typedToken]);
  // A new fetcher makes GraphiQL introspect again: the docs appear once a valid token is entered.
  // Runs read the ref, so one started right after typing already carries the new token.
  const fetcher = useMemo(() => browserFetcher("/graphql", () => token.current), [settledToken]);
  return (
    <div className="cchc-console">
      <TokenField
        onChange={(next) => {
          token.current = next;
          setTypedToken(next);
        }}
      />
      {/* The headers editor stays off: tab state is persisted, and a token typed there would be too. */}
      <GraphiQL fetcher={fetcher} defaultTabs={CCHC_EXAMPLE_TABS} isHeadersEditorEnabled={false} showPersistHeadersSettings={false} />
    </div>
  );
}

function WebviewConsole(props: { vscode: VsCodeApi }) {
  const { vscode } = props;
  const relay = useMemo(() => webviewFetcher(vscode), [vscode]);
  const storage = useMemo(() => webviewStorage(vscode), [vscode]);
  // The host says when the stored token changed; a fresh fetcher makes GraphiQL introspect again.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const onMessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === "token-changed") setGeneration((value) => value + 1);
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);
  const theme = useVscodeTheme();
  const fetcher = useMemo<typeof relay>(() => (params, opts) => relay(params, opts), [relay, generation]);
  return (
    <div className="cchc-console">
      <GraphiQL
        fetcher={fetcher}
        storage={storage}
        defaultTabs={CCHC_EXAMPLE_TABS}
        isHeadersEditorEnabled={false}
        showPersistHeadersSettings={false}
        forcedTheme={theme}
      />
    </div>
  );
}

const vscode = vscodeApi();
createRoot(root).render(vscode ? <WebviewConsole vscode={vscode} /> : <BrowserConsole />);
