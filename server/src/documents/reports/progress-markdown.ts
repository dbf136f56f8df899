import type { ProgressChartData } from "../../domain/progress-chart.js";
import { dayText, percentText } from "../letters/vietnamese-format.js";

/**
 * The Markdown report's "Tiến độ" section: the chart as an SVG file saved beside the report (the
 * complianceReportChart document, same day in its name), and the units at risk in words, for a
 * reader without the picture.
 */
export function progressMarkdownLines(progress: ProgressChartData, chartFileName: string): string[] {
  const first = progress.days[0];
  const last = progress.days[progress.days.length - 1];
  const atRisk = progress.units.filter((u) => u.atRisk);
  const lines = [
    "## Tiến độ",
    "",
    `![Tỷ lệ hoàn thành theo ngày, từ ${dayText(first)} đến ${dayText(last)}](${chartFileName})`,
    "",
    `Toàn Ban: ${percentText(progress.board[progress.board.length - 1] ?? 1)} ngày ${dayText(last)}; hạn hoàn thành ${dayText(progress.deadline)}.`,
  ];
  if (atRisk.length === 0) return [...lines, "", "Theo tiến độ 7 ngày gần nhất, không đơn vị nào có nguy cơ chậm so với thời hạn."];
  return [
    ...lines,
    "",
    "Đơn vị có nguy cơ không hoàn thành đúng hạn (theo tiến độ 7 ngày gần nhất):",
    "",
    ...atRisk.map((u) =>
      u.atRisk?.expectedDay
        ? `- ${u.code} (${u.name}): dự kiến hoàn thành ngày ${dayText(u.atRisk.expectedDay)}`
        : `- ${u.code} (${u.name}): chưa có tiến độ trong 7 ngày gần nhất`,
    ),
  ];
}
