import * as echarts from "echarts";
import { progressChartOption, type ProgressChartData } from "../../domain/progress-chart.js";

/**
 * The progress chart as an SVG document, drawn by ECharts' server-side renderer (no browser, no
 * canvas): the same option the editor's webview draws.
 */
export function renderProgressSvg(data: ProgressChartData, size = { width: 1000, height: 520 }): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(progressChartOption(data, { animation: false }));
    const svg = chart.renderToSVGString();
    // A white page behind the lines: an SVG opened on a dark editor theme stays readable.
    return svg.replace(/<rect width="(\d+)" height="(\d+)" x="0" y="0" fill="none"><\/rect>/, '<rect width="$1" height="$2" x="0" y="0" fill="#ffffff"></rect>');
  } finally {
    chart.dispose();
  }
}
