import { describe, expect, it } from "vitest";
import type { DirectiveBoard } from "../../../extension/src/api/api-types.js";
import { presentStatusBar } from "../../../extension/src/model/status-bar.model.js";
import { complianceAt } from "../fixtures/compliance.js";

const compliance = complianceAt;

const board = (rate: number, deadline: string): DirectiveBoard => ({
  id: "1",
  number: "18/CT-UBND",
  subject: "Chấn chỉnh",
  issuedOn: "2023-11-01",
  periodStart: "2023-01-01",
  periodEnd: "2023-10-31",
  deadline,
  compliance: compliance(rate),
  units: [],
});

// 2023-12-10 10:00 in Vietnam.
const now = new Date("2023-12-10T03:00:00Z");

describe("presentStatusBar", () => {
  it("offers Sign In when signed out, and when the server refuses the token", () => {
    expect(presentStatusBar({ kind: "signedOut" }, now)).toMatchObject({ text: "$(plug) CCHC: Sign In", command: "cchc.signIn" });
    const refused = presentStatusBar({ kind: "error", code: "UNAUTHENTICATED", message: "Token expired" }, now);
    expect(refused).toMatchObject({ command: "cchc.signIn", background: "error" });
    expect(refused.tooltip).toContain("Token expired");
  });

  it("shows an unreachable server as disconnected, and a click tries again", () => {
    for (const code of ["NETWORK", "TLS"]) {
      const view = presentStatusBar({ kind: "error", code, message: "Cannot reach the CCHC server at http://x/graphql (ECONNREFUSED)." }, now);
      expect(view.text).toBe("$(debug-disconnect) CCHC: disconnected");
      expect(view.command).toBe("cchc.refresh");
      expect(view.background).toBe("error");
      expect(view.tooltip).toContain("ECONNREFUSED");
      expect(view.tooltip).toContain("Click to try again");
    }
  });

  it("does not call a server that answered with a failure disconnected: it points to the logs", () => {
    for (const code of ["SERVER", "FORBIDDEN", "HTTP", undefined]) {
      const view = presentStatusBar({ kind: "error", code, message: "Internal server error" }, now);
      expect(view.text).toBe("$(error) CCHC: error");
      expect(view.command).toBe("cchc.showLogs");
    }
  });

  it("shows the rate and the days left, warning once the deadline has passed with something owed", () => {
    const before = presentStatusBar({ kind: "ready", board: board(0.63, "2023-12-13"), loadedAt: now }, now);
    expect(before).toMatchObject({ text: "$(checklist) CCHC 63% · 3 days left", command: "cchc.compliance.focus", background: undefined });
    expect(before.tooltip).toContain("Apologies: 5 of 8 late cases (62.5%)");
    expect(presentStatusBar({ kind: "ready", board: board(0.63, "2023-12-09"), loadedAt: now }, now).background).toBe("warning");
    expect(presentStatusBar({ kind: "ready", board: board(1, "2023-12-09"), loadedAt: now }, now)).toMatchObject({
      text: "$(checklist) CCHC 100%",
      background: undefined,
    });
  });

  it("says so when the server has no directive, and spins while loading", () => {
    expect(presentStatusBar({ kind: "ready", board: null, loadedAt: now }, now).text).toBe("$(checklist) CCHC: no directive");
    const loading = presentStatusBar({ kind: "loading" }, now);
    expect(loading.text).toBe("$(sync~spin) CCHC");
    expect(loading.command).toBeUndefined();
  });
});
