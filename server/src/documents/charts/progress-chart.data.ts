import type { DataSource } from "typeorm";
import { complianceFigures, type ComplianceCounts } from "../../domain/compliance.js";
import { DEFAULT_PACE_DAYS, forecastOf, paceStart } from "../../domain/forecast.js";
import { endOfDayMoment } from "../../domain/progress.js";
import type { Directive } from "../../entities/directive.entity.js";
import { complianceCountsByUnit, countsOf } from "../../services/compliance.sql.js";
import { boardSeries, progressCountsByUnit, seriesOf } from "../../services/progress.sql.js";
import { unitsByCode } from "../../services/units.js";
import { chartRange, type ProgressChartData } from "../../domain/progress-chart.js";

export { chartRange };

/**
 * The board's and every unit's daily rate over the chart's range (Directive.progress's one statement)
 * and each unit's forecast as of the moment (Directive.forecast's rule, 7 days' pace).
 */
export async function progressChartData(
  db: DataSource,
  directive: Directive,
  asOf: Date,
  /** complianceCountsByUnit as of `asOf`, when the caller read it already (the report does): not read twice. */
  countsNow?: Promise<Map<number, ComplianceCounts>>,
): Promise<ProgressChartData> {
  const { from, until } = chartRange(directive, asOf);
  const [units, series, now, before] = await Promise.all([
    unitsByCode(db),
    progressCountsByUnit(db, directive, from, until),
    countsNow ?? complianceCountsByUnit(db, directive, asOf),
    complianceCountsByUnit(db, directive, paceStart(asOf, DEFAULT_PACE_DAYS)),
  ]);
  const rates = (points: ReturnType<typeof boardSeries>) =>
    points.map(({ day, counts }) => complianceFigures(counts, endOfDayMoment(day), directive.deadline).rate);
  const board = boardSeries(series, from, until);
  return {
    title: `Tiến độ thực hiện Văn bản số ${directive.number}`,
    days: board.map((p) => p.day),
    deadline: directive.deadline,
    board: rates(board),
    units: units.map((unit) => {
      const forecast = forecastOf(countsOf(now, unit.id), countsOf(before, unit.id), asOf, DEFAULT_PACE_DAYS, directive.deadline);
      return {
        code: unit.code,
        name: unit.name,
        rates: rates(seriesOf(series, unit.id, from, until)),
        ...(forecast.atRisk ? { atRisk: { expectedDay: forecast.expectedDay } } : {}),
      };
    }),
  };
}
