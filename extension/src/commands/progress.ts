import * as vscode from "vscode";

export type ProgressReporter = vscode.Progress<{ message?: string; increment?: number }>;

/**
 * Long work in a cancellable notification. The cancellation token becomes an AbortSignal, which the
 * GraphQL client hands to the HTTP request, so Cancel really stops waiting for the server.
 */
export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, progress: ProgressReporter) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    return work(controller.signal, progress).finally(() => subscription.dispose());
  });
}
