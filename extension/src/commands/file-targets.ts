import * as vscode from "vscode";

/** A path given as a command argument (tests, other extensions) or a Uri, as a Uri. */
export function toUri(target: string | vscode.Uri): vscode.Uri {
  return typeof target === "string" ? vscode.Uri.file(target) : target;
}

/** Where dialogs start: the first workspace folder, else the user's home. */
export function defaultFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

export async function askSaveLocation(fileName: string, filters: Record<string, string[]>, title: string): Promise<vscode.Uri | undefined> {
  const folder = defaultFolder();
  return vscode.window.showSaveDialog({
    title,
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters,
    saveLabel: "Save",
  });
}

export async function askFolder(title: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    defaultUri: defaultFolder(),
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: "Write Letters Here",
  });
  return picked?.[0];
}

export async function fileNamesIn(folder: vscode.Uri): Promise<Set<string>> {
  try {
    return new Set((await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name));
  } catch {
    return new Set();
  }
}
