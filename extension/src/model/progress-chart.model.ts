import { chartRange, type ProgressChartData } from "@cchc/domain";
import type { DirectiveBoard, ProgressPoint } from "../api/api-types.js";
import { atRiskForecasts } from "./forecast.js";

/**
 * The progress chart's data from the board the tree shows (units, forecasts) and one progress
 * request: the board's and each unit's rate per day over chartRange (the same days as the reports).
 */
export function progressRange(board: Pick<DirectiveBoard, "periodStart" | "deadline">, now: Date) {
  return chartRange(board, now);
}

/** One request for every series: the board's and one alias per unit (u0, u1, … in the board's order). */
export function progressQuery(unitCount: number): string {
  const point = "day compliance { rate }";
  const units = Array.from({ length: unitCount }, (_, i) => `u${i}: progress(unitCode: $u${i}, from: $from, until: $until) { ${point} }`);
  const variables = Array.from({ length: unitCount }, (_, i) => `, $u${i}: String!`).join("");
  return `query CchcProgress($id: ID!, $from: Date!, $until: Date!${variables}) { directive(id: $id) { board: progress(from: $from, until: $until) { ${point} } ${units.join(" ")} } }`;
}

export function progressVariables(board: DirectiveBoard, range: { from: string; until: string }): Record<string, unknown> {
  return { id: board.id, ...range, ...Object.fromEntries(board.units.map((u, i) => [`u${i}`, u.unit.code])) };
}

export function progressChartData(board: DirectiveBoard, answer: Record<string, ProgressPoint[]>): ProgressChartData {
  const atRisk = new Map(atRiskForecasts(board).map((f) => [f.unit.code, f]));
  return {
    title: `Tiến độ thực hiện Văn bản số ${board.number}`,
    days: answer.board.map((p) => p.day),
    deadline: board.deadline,
    board: answer.board.map((p) => p.compliance.rate),
    units: board.units.map((u, i) => {
      const forecast = atRisk.get(u.unit.code);
      return {
        code: u.unit.code,
        name: u.unit.name,
        rates: answer[`u${i}`].map((p) => p.compliance.rate),
        ...(forecast ? { atRisk: { expectedDay: forecast.expectedDay } } : {}),
      };
    }),
  };
}
