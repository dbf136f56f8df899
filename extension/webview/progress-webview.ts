/// <reference lib="dom" />
// The progress chart's page script, bundled by esbuild.mjs into dist/progress/progress.js: Apache
// ECharts (only the line chart and the parts it uses, SVG renderer) drawing the option the reports use.
import { progressChartOption, unitCodeOfSeries, type ProgressChartData } from "@cchc/domain";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { FromProgressWebview, ToProgressWebview } from "../src/progress/progress-messages.js";

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, SVGRenderer]);

declare function acquireVsCodeApi(): { postMessage(message: FromProgressWebview): void };
const vscode = acquireVsCodeApi();
const status = document.getElementById("status") as HTMLElement;
const container = document.getElementById("chart") as HTMLElement;
const chart = echarts.init(container, null, { renderer: "svg" });

chart.on("click", (event) => {
  const code = typeof event.seriesName === "string" ? unitCodeOfSeries(event.seriesName) : undefined;
  if (code) vscode.postMessage({ type: "reveal", unitCode: code });
});
new ResizeObserver(() => chart.resize()).observe(container);

function draw(data: ProgressChartData): void {
  const textColor = getComputedStyle(document.body).getPropertyValue("--vscode-foreground").trim() || "#333";
  chart.setOption(progressChartOption(data, { animation: false, textColor }), { notMerge: true });
  const atRisk = data.units.filter((u) => u.atRisk).length;
  status.textContent = `${data.days[0]} – ${data.days[data.days.length - 1]} · ${data.units.length} đơn vị · ${atRisk} có nguy cơ chậm`;
  // What a test reads (and a person never sees): which lines are drawn, and where to click each unit's.
  container.dataset.lines = JSON.stringify(["Toàn Ban", ...data.units.map((u) => u.code)]);
  const middle = Math.floor((data.days.length - 1) / 2);
  const points = Object.fromEntries(
    data.units.map((u) => [u.code, chart.convertToPixel({ seriesName: u.code }, [Date.parse(`${data.days[middle]}T00:00:00Z`), u.rates[middle]])]),
  );
  container.dataset.points = JSON.stringify(points);
  container.dataset.ready = "true";
}

window.addEventListener("message", (event: MessageEvent<ToProgressWebview>) => {
  const message = event.data;
  if (message.type === "data") draw(message.data);
  else if (message.type === "error") status.textContent = message.message;
});
vscode.postMessage({ type: "ready" });
