import type { GraphiQLProps } from "graphiql";
import type { VsCodeApi } from "./vscode-api.js";

type Storage = NonNullable<GraphiQLProps["storage"]>;

/**
 * GraphiQL's tabs and history kept in the webview's state, which VS Code saves with the panel and hands
 * back when the panel is restored after a reload (localStorage of a webview is not guaranteed to last).
 */
export function webviewStorage(vscode: VsCodeApi): Storage {
  const saved = vscode.getState();
  const items = new Map<string, string>(
    saved && typeof saved === "object" ? Object.entries(saved as Record<string, string>) : [],
  );
  const save = () => vscode.setState(Object.fromEntries(items));
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
      save();
    },
    removeItem: (key) => {
      items.delete(key);
      save();
    },
    clear: () => {
      items.clear();
      save();
    },
    get length() {
      return items.size;
    },
  };
}
