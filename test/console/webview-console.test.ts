import { describe, expect, it } from "vitest";
import { GraphQLClient } from "../../extension/src/api/graphql-client.js";
import { consoleHtml } from "../../extension/src/console/console-html.js";
import { relayConsoleRequest } from "../../extension/src/console/console-relay.js";
import { ADMIN_TOKEN, consoleUnderTest, watchedPage } from "./console-harness.js";

// The webview half without VS Code: the panel's real HTML and CSP, the same bundle, and a stand-in for
// acquireVsCodeApi whose postMessage goes to the extension's real relay and GraphQL client in Node.
// It shows the webview page reaches no server itself and never holds the token.
const live = consoleUnderTest();

describe("console webview page", () => {
  it("relays operations through the host and shows the result, with no token and no network in the page", async () => {
    const { context, page, blocked, problems } = await watchedPage(live.browser);
    const pageRequests: string[] = [];
    page.on("request", (request) => pageRequests.push(request.url()));

    const webviewUrl = `${live.base}/webview-under-test`;
    const nonce = "dGhlLXdlYnZpZXctbm9uY2U=";
    const html = consoleHtml({
      cspSource: live.base,
      scriptUri: `${live.base}/graphiql/console.js`,
      styleUri: `${live.base}/graphiql/console.css`,
      nonce,
    }).replace("<body>", '<body class="vscode-dark">');
    await page.route(webviewUrl, (route) => route.fulfill({ contentType: "text/html", body: html }));

    const relayed: unknown[] = [];
    await page.exposeFunction("hostReceives", async (message: unknown) => {
      relayed.push(message);
      const response = await relayConsoleRequest(message, async () => new GraphQLClient({ serverUrl: live.base, token: ADMIN_TOKEN }));
      if (response) await page.evaluate((reply) => window.postMessage(reply, "*"), response);
    });
    await page.addInitScript(() => {
      let state: unknown;
      const host = window as unknown as { hostReceives(message: unknown): void; acquireVsCodeApi(): unknown };
      host.acquireVsCodeApi = () => ({
        postMessage: (message: unknown) => host.hostReceives(message),
        getState: () => state,
        setState: (next: unknown) => (state = next),
      });
    });

    await page.goto(webviewUrl);
    await page.waitForSelector(".graphiql-query-editor .CodeMirror");
    // GraphiQL follows VS Code's theme, also when the user switches it.
    await page.waitForFunction(() => document.body.classList.contains("graphiql-dark"));
    await page.evaluate(() => document.body.classList.replace("vscode-dark", "vscode-light"));
    await page.waitForFunction(() => document.body.classList.contains("graphiql-light"));
    // No token field here: the extension host holds the token.
    expect(await page.locator("#cchc-token").count()).toBe(0);
    // Introspection went through the relay, so the docs show the schema.
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor();

    await page.click(".graphiql-query-editor .CodeMirror");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    // Replaces the named first example and runs at once, before GraphiQL's tab state catches up.
    await page.keyboard.type("{ units { code } }");
    await page.keyboard.press("Control+Enter");
    await page.waitForFunction(() => {
      const editor = document.querySelector(".result-window .CodeMirror") as unknown as { CodeMirror: { getValue(): string } } | null;
      return editor?.CodeMirror.getValue().includes('"units"');
    });
    const shown = await page.$eval(".result-window .CodeMirror", (element) =>
      JSON.parse((element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue()),
    );
    expect(shown.data.units.length).toBeGreaterThan(0);

    // Every operation went through postMessage, none carried a token, and the page itself never
    // requested /graphql (its CSP has no connect-src) nor anything off the host.
    expect(relayed.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(relayed)).not.toContain(ADMIN_TOKEN);
    expect(pageRequests.filter((url) => url.includes("/graphql"))).toEqual([]);
    expect(await page.content()).not.toContain(ADMIN_TOKEN);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("answers a request the server refuses with the server's error, and ignores foreign messages", async () => {
    const signedOut = async () => new GraphQLClient({ serverUrl: live.base });
    const refused = await relayConsoleRequest({ type: "graphql", id: 7, body: { query: "{ units { code } }" } }, signedOut);
    expect(refused?.id).toBe(7);
    const errors = (refused?.result as { errors?: { extensions?: { code?: string } }[] }).errors;
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await relayConsoleRequest({ type: "graphql", id: "x", body: {} }, signedOut)).toBeUndefined();
    expect(await relayConsoleRequest("hello", signedOut)).toBeUndefined();
    const unreachable = await relayConsoleRequest(
      { type: "graphql", id: 8, body: { query: "{ units { code } }" } },
      async () => new GraphQLClient({ serverUrl: "http://127.0.0.1:9", timeoutMs: 2000 }),
    );
    expect(unreachable?.error).toMatch(/Cannot reach/);
  });
});
