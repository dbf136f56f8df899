/** The shape of `WorkspaceConfiguration.inspect(...)` that matters here (vscode-free, for tests). */
export interface InspectedSetting<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * The value of a machine-scoped setting from the user's own settings (or the default), never from a
 * workspace: a repository's `.vscode/settings.json` must not be able to send the stored token elsewhere.
 * The manifest declares `cchc.serverUrl` and `cchc.rejectUnauthorized` with `"scope": "application"` (user settings only), which makes
 * VS Code ignore workspace values; this keeps that true whatever the VS Code version does.
 */
export function userSettingValue<T>(inspected: InspectedSetting<T> | undefined, fallback: T): T {
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}
