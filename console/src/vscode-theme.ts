import { useSyncExternalStore } from "react";

type Theme = "light" | "dark";

/**
 * VS Code marks the webview's body with vscode-light, vscode-dark or vscode-high-contrast and changes the
 * class when the user switches themes; GraphiQL follows it (high contrast reads best on dark).
 */
export function useVscodeTheme(): Theme {
  return useSyncExternalStore(subscribe, current);
}

function current(): Theme {
  return document.body.classList.contains("vscode-light") ? "light" : "dark";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
