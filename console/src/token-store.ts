/**
 * The bearer token of the browser page lives in this page's localStorage only (same origin as /graphql),
 * under its own key, apart from GraphiQL's tab storage, so it is never copied into tabs or history.
 */
const KEY = "cchc.console.token";

export function readToken(): string {
  try {
    return localStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

export function writeToken(token: string): void {
  try {
    if (token) localStorage.setItem(KEY, token);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage can be disabled by the browser; the token then lasts as long as the page.
  }
}
