/** The handle VS Code gives a webview; it can be acquired once per page, so it is shared from here. */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

let api: VsCodeApi | undefined;

export function vscodeApi(): VsCodeApi | undefined {
  if (!api && typeof acquireVsCodeApi === "function") api = acquireVsCodeApi();
  return api;
}
