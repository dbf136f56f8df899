import { ASSIGNEE_HEADERS, ASSIGNEES_TITLE, assigneeCells, type AssigneeReportRow } from "./assignee-report.js";

/** The Markdown report's section "Thống kê công việc trên HpNet theo cán bộ": a heading and one table. */
function cell(value: string | number): string {
  return String(value).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function assigneeMarkdownLines(rows: readonly AssigneeReportRow[]): string[] {
  const lines = [`## ${ASSIGNEES_TITLE} (${rows.length})`, ""];
  if (rows.length === 0) return [...lines, "Không có."];
  const headers = Object.values(ASSIGNEE_HEADERS);
  return [
    ...lines,
    `| ${headers.map(cell).join(" | ")} |`,
    `|${headers.map((_, i) => (i >= 2 ? " ---: " : " --- ")).join("|")}|`,
    ...rows.map((r) => `| ${assigneeCells(r).map(cell).join(" | ")} |`),
  ];
}
