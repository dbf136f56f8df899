import { MAX_PROGRESS_DAYS } from "./progress.js";
import { addDays, vietnamDayOf } from "./vietnam-time.js";


/**
 * The days a directive's chart covers as of a moment: from the period's start to the deadline, or to
 * the moment's day while the deadline is still ahead; at most the API's 400 days (the latest ones).
 */
export function chartRange(directive: { periodStart: string; deadline: string }, asOf: Date): { from: string; until: string } {
  const today = vietnamDayOf(asOf);
  let until = today < directive.deadline ? today : directive.deadline;
  if (until < directive.periodStart) until = directive.periodStart;
  const earliest = addDays(until, -(MAX_PROGRESS_DAYS - 1));
  return { from: directive.periodStart > earliest ? directive.periodStart : earliest, until };
}

/**
 * The progress chart as data and as one Apache ECharts option, shared by the report's SVG (rendered on
 * the server) and the editor's webview (bundled into it), so both draw the same lines. No echarts
 * import here: the option is plain data, and this module stays light for the webview bundle.
 */
export interface ProgressChartUnit {
  code: string;
  name: string;
  /** The rate (0..1) at the end of each day of `days`. */
  rates: number[];
  /** At risk of missing the deadline: the day it would reach 100% at its recent pace (null: never). */
  atRisk?: { expectedDay: string | null };
}

export interface ProgressChartData {
  title: string;
  /** Vietnam days "YYYY-MM-DD", one per point, in order. */
  days: string[];
  deadline: string;
  board: number[];
  units: ProgressChartUnit[];
}

export const BOARD_SERIES = "Toàn Ban";
/** A forecast line's name: the unit's code and this suffix (a click on it still names the unit). */
export const FORECAST_SUFFIX = " (dự kiến)";

const PALETTE = [
  "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
  "#393b79", "#ad494a", "#637939", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363",
];

export function unitColor(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/** A day as the chart's x value: its UTC midnight, which every time zone's formatter here reads back as the same day. */
export function dayValue(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** "24/11" for an axis label, from the x value, independent of the viewer's time zone. */
export function shortDayOf(value: number): string {
  const iso = new Date(value).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}

/** The unit code a clicked series names (a unit's line or its forecast), or undefined for the board. */
export function unitCodeOfSeries(name: string): string | undefined {
  if (name === BOARD_SERIES) return undefined;
  return name.endsWith(FORECAST_SUFFIX) ? name.slice(0, -FORECAST_SUFFIX.length) : name;
}

export interface ChartOptions {
  /** Off for the static SVG; the webview animates. */
  animation: boolean;
  /** Text colour of the theme (the webview follows VS Code's). */
  textColor?: string;
}

/** The ECharts option: the board's line, one line per unit, dashed forecasts, the deadline marked. */
export function progressChartOption(data: ProgressChartData, options: ChartOptions): Record<string, unknown> {
  const textColor = options.textColor ?? "#333";
  const points = (rates: number[]) => data.days.map((day, i) => [dayValue(day), rates[i]]);
  const last = data.days.length - 1;
  const unitSeries = data.units.flatMap((unit, index) => {
    const color = unitColor(index);
    const line = {
      name: unit.code,
      type: "line",
      data: points(unit.rates),
      showSymbol: false,
      color,
      lineStyle: { width: 1.5 },
      emphasis: { focus: "series", lineStyle: { width: 3 } },
      triggerEvent: true,
    };
    if (!unit.atRisk?.expectedDay || last < 0) return [line];
    const forecast = {
      name: `${unit.code}${FORECAST_SUFFIX}`,
      type: "line",
      data: [
        [dayValue(data.days[last]), unit.rates[last]],
        [dayValue(unit.atRisk.expectedDay), 1],
      ],
      showSymbol: true,
      symbolSize: 5,
      color,
      lineStyle: { type: "dashed", width: 1.5 },
      triggerEvent: true,
    };
    return [line, forecast];
  });
  // The axis always reaches the deadline and every forecast's day, so the mark and the dashes show.
  const ends = [data.deadline, ...data.units.map((u) => u.atRisk?.expectedDay ?? data.deadline), data.days[last] ?? data.deadline];
  return {
    animation: options.animation,
    title: { text: data.title, left: "center", textStyle: { fontSize: 14, color: textColor } },
    tooltip: { trigger: "item" },
    legend: { type: "scroll", bottom: 0, textStyle: { color: textColor }, data: [BOARD_SERIES, ...data.units.map((u) => u.code)] },
    grid: { left: 56, right: 32, top: 64, bottom: 64 },
    xAxis: {
      type: "time",
      min: dayValue(data.days[0] ?? data.deadline),
      max: Math.max(...ends.map(dayValue)),
      axisLabel: { color: textColor, formatter: (value: number) => shortDayOf(value), hideOverlap: true },
    },
    yAxis: {
      type: "value",
      min: 0,
      max: 1,
      axisLabel: { color: textColor, formatter: (value: number) => `${Math.round(value * 100)}%` },
    },
    series: [
      {
        name: BOARD_SERIES,
        type: "line",
        data: points(data.board),
        showSymbol: false,
        color: "#000000",
        lineStyle: { width: 3 },
        z: 3,
        triggerEvent: true,
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: "#c00000", type: "solid", width: 1.5 },
          label: { formatter: `Hạn ${shortDayOf(dayValue(data.deadline))}`, color: "#c00000" },
          data: [{ xAxis: dayValue(data.deadline) }],
        },
      },
      ...unitSeries,
    ],
  };
}
