import type { DirectiveBoard, UnitForecast } from "../api/api-types.js";

/**
 * The server's forecast (Directive.forecast) as people read it in the tree and the status bar:
 * a unit is at risk when, at the pace of the last days, it would finish after the deadline or
 * never. Vietnamese like the letters: the Office reads "dự kiến 24/11" at a glance.
 */
export function atRiskForecasts(board: Pick<DirectiveBoard, "forecast">): UnitForecast[] {
  return (board.forecast ?? []).filter((f) => f.atRisk);
}

export function forecastOfUnit(board: Pick<DirectiveBoard, "forecast">, unitCode: string): UnitForecast | undefined {
  return board.forecast?.find((f) => f.unit.code === unitCode);
}

/** "2023-11-24" → "24/11". */
export function shortDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}`;
}

/** The tree's words for an at-risk unit: the expected day, or that no progress is being made. */
export function expectedText(forecast: UnitForecast): string {
  return forecast.expectedDay ? `dự kiến ${shortDay(forecast.expectedDay)}` : "dự kiến: chưa có tiến độ";
}

export function forecastTooltip(forecast: UnitForecast, deadline: string): string {
  const pace = `${forecast.outstanding} outstanding, ${forecast.closedPerDay.toFixed(2)} closed per day lately`;
  const when = forecast.expectedDay
    ? `expected to finish on ${forecast.expectedDay}, after the deadline ${deadline}`
    : `no progress lately: it will not finish by the deadline ${deadline} at this pace`;
  return `At risk: ${pace}; ${when}.`;
}
