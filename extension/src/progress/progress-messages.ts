import type { ProgressChartData } from "@cchc/domain";

/** Messages between the progress webview and the extension host (the webview is the less trusted side). */
export type ToProgressWebview = { type: "data"; data: ProgressChartData } | { type: "error"; message: string };
export type FromProgressWebview = { type: "ready" } | { type: "reveal"; unitCode: string };

export function isFromProgressWebview(message: unknown): message is FromProgressWebview {
  const m = message as Partial<{ type: string; unitCode: unknown }> | null;
  if (typeof m !== "object" || m === null) return false;
  return m.type === "ready" || (m.type === "reveal" && typeof m.unitCode === "string" && m.unitCode.length <= 100);
}
