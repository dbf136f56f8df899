import type { BoardState } from "./board-state.js";
import { atRiskForecasts, expectedText } from "./forecast.js";
import { complianceLines, directiveLines, needsWarning, statusBarText } from "./format.js";

export interface StatusBarView {
  text: string;
  tooltip: string;
  /** What a click runs; each state offers the one move that helps. */
  command?: string;
  background?: "error" | "warning";
}

/** Errors where the server was never reached: trying again is the move, once the server is back. */
const UNREACHABLE = new Set(["NETWORK", "TLS"]);

/**
 * The status bar item for a board state. Signed out or refused token: Sign In. Server unreachable:
 * "disconnected", and a click tries again. Any other failure: "error", and a click opens the logs.
 */
export function presentStatusBar(state: BoardState, now: Date): StatusBarView {
  switch (state.kind) {
    case "signedOut":
      return { text: "$(plug) CCHC: Sign In", tooltip: "Not signed in to the CCHC Tracker server", command: "cchc.signIn" };
    case "loading":
      return { text: "$(sync~spin) CCHC", tooltip: "Loading compliance…" };
    case "error":
      if (state.code === "UNAUTHENTICATED") {
        return { text: "$(debug-disconnect) CCHC: Sign In", tooltip: `${state.message}\nClick to sign in again.`, command: "cchc.signIn", background: "error" };
      }
      if (state.code && UNREACHABLE.has(state.code)) {
        return {
          text: "$(debug-disconnect) CCHC: disconnected",
          tooltip: `${state.message}\nClick to try again; details in CCHC: Show Logs.`,
          command: "cchc.refresh",
          background: "error",
        };
      }
      return { text: "$(error) CCHC: error", tooltip: `${state.message}\nClick for the logs.`, command: "cchc.showLogs", background: "error" };
    case "ready": {
      const { board } = state;
      if (!board) return { text: "$(checklist) CCHC: no directive", tooltip: "The server has no directive yet.", command: "cchc.compliance.focus" };
      const atRisk = atRiskForecasts(board);
      const riskLines = atRisk.length === 0 ? [] : ["", `At risk of missing the deadline (${atRisk.length}):`, ...atRisk.map((f) => `${f.unit.code}: ${expectedText(f)}`)];
      return {
        text: `$(checklist) ${statusBarText(board, now)}${atRisk.length > 0 ? ` · $(warning) ${atRisk.length} at risk` : ""}`,
        tooltip: [...directiveLines(board, now), "", ...complianceLines(board.compliance), ...riskLines].join("\n"),
        command: "cchc.compliance.focus",
        background: needsWarning(board, now) ? "warning" : undefined,
      };
    }
  }
}
