import type { GraphiQLProps } from "graphiql";
import { effectiveOperationName } from "./operation-name.js";
import type { RelayRequest, RelayResponse } from "./relay-protocol.js";
import type { VsCodeApi } from "./vscode-api.js";

type Fetcher = GraphiQLProps["fetcher"];

/**
 * Inside VS Code the page may not reach the network itself (its CSP has no connect-src): each operation
 * goes to the extension host by postMessage and the answer comes back with the same id.
 */
export function webviewFetcher(vscode: VsCodeApi): Fetcher {
  let nextId = 1;
  const pending = new Map<number, (response: RelayResponse) => void>();
  window.addEventListener("message", (event: MessageEvent<RelayResponse>) => {
    const message = event.data;
    if (message?.type !== "graphql-result") return;
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  return (params) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, (response) =>
        resolve(
          (response.result as Record<string, unknown> | undefined) ?? {
            errors: [{ message: response.error ?? "The extension returned no result." }],
          },
        ),
      );
      const request: RelayRequest = {
        type: "graphql",
        id,
        body: {
          query: params.query,
          operationName: effectiveOperationName(params.query, params.operationName),
          variables: params.variables,
        },
      };
      vscode.postMessage(request);
    });
}
