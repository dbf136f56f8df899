import type { ComplianceFigures } from "../../domain/compliance.js";
import { dayText, momentText, percentText } from "../letters/vietnamese-format.js";
import { chunked } from "../stream-output.js";
import { progressChartFileName } from "../document-file.js";
import { assigneeMarkdownLines } from "./assignee-markdown.js";
import { progressMarkdownLines } from "./progress-markdown.js";
import {
  figureCells,
  STATUS_TEXT,
  SUMMARY_HEADERS,
  TIMELINESS_TEXT,
  TOTAL_LABEL,
  UNIT_KIND_TEXT,
  type ComplianceReportSource,
} from "./report.model.js";

/** The report as Markdown for an editor's preview: the summary table, then the outstanding lists. */
function cell(value: string | number): string {
  return String(value).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function row(values: (string | number)[]): string {
  return `| ${values.map(cell).join(" | ")} |`;
}

function separator(headers: string[], numeric: Set<number>): string {
  return `|${headers.map((_, i) => (numeric.has(i) ? " ---: " : " --- ")).join("|")}|`;
}

function figures(f: ComplianceFigures): (string | number)[] {
  return [...figureCells(f, percentText), STATUS_TEXT[f.status]];
}

const CASE_HEADERS = ["Đơn vị", "Mã hồ sơ", "Thủ tục", "Tổ chức, cá nhân", "Hẹn trả", "Trả kết quả", "Tình trạng", "Ngày làm việc quá hạn"];
const TASK_HEADERS = ["Đơn vị", "Mã HpNet", "Nội dung", "Người xử lý", "Ngày giao", "Báo cáo/lưu trữ", "Hồ sơ công việc"];

/**
 * The report's lines, each ending in "\n" and NFC, produced as the outstanding rows are read: one
 * line per row, never the whole list (an array spread of 125,000 rows overflowed the call stack).
 */
async function* markdownLines(m: ComplianceReportSource): AsyncGenerator<string> {
  const d = m.directive;
  const head = [
    `# Báo cáo tổng hợp kết quả thực hiện Văn bản số ${d.number}`,
    "",
    `*${cell(d.subject)}*`,
    "",
    `- Ngày ban hành: ${dayText(d.issuedOn)}`,
    `- Kỳ rà soát: ${dayText(d.periodStart)} - ${dayText(d.periodEnd)}`,
    `- Hạn hoàn thành: ${dayText(d.deadline)}`,
    `- Số liệu tính đến: ${momentText(m.asOf)} (giờ Việt Nam)`,
    "",
    "## Tổng hợp theo đơn vị",
    "",
    row(Object.values(SUMMARY_HEADERS)),
    separator(Object.values(SUMMARY_HEADERS), new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 13])),
  ];
  for (const line of head) yield `${line.normalize("NFC")}\n`;
  for (const { unit, figures: f, apologizedAfterDue } of m.units) {
    yield `${row([unit.code, unit.name, UNIT_KIND_TEXT[unit.kind], ...figures(f), apologizedAfterDue]).normalize("NFC")}\n`;
  }
  yield `${row(["", `**${TOTAL_LABEL}**`, "", ...figures(m.total), m.totalApologizedAfterDue]).normalize("NFC")}\n`;
  yield "\n*Xin lỗi sau hạn*: phiếu xin lỗi ban hành sau thời điểm hẹn trả kết quả; vẫn được tính là đã xin lỗi.\n".normalize("NFC");
  yield `\n## Hồ sơ quá hạn chưa xin lỗi (${m.outstandingCaseCount})\n\n`.normalize("NFC");
  let cases = 0;
  for await (const c of m.outstandingCases()) {
    if (cases === 0) yield `${row(CASE_HEADERS)}\n${separator(CASE_HEADERS, new Set([7]))}\n`.normalize("NFC");
    cases += 1;
    const line = row([
      c.unitCode,
      c.caseCode,
      c.procedureName,
      c.applicantName,
      momentText(c.dueAt),
      c.resolvedAt ? momentText(c.resolvedAt) : "",
      TIMELINESS_TEXT[c.timeliness],
      c.workingDaysLate,
    ]);
    yield `${line.normalize("NFC")}\n`;
  }
  if (cases === 0) yield "Không có.\n".normalize("NFC");
  yield `\n## Công việc HpNet chưa báo cáo hoặc chưa lập hồ sơ (${m.outstandingTaskCount})\n\n`.normalize("NFC");
  let tasks = 0;
  for await (const t of m.outstandingTasks()) {
    if (tasks === 0) yield `${row(TASK_HEADERS)}\n${separator(TASK_HEADERS, new Set())}\n`.normalize("NFC");
    tasks += 1;
    const line = row([
      t.unitCode,
      t.externalId,
      t.title,
      t.assignee ?? "",
      momentText(t.assignedAt),
      t.reported ? "Đã báo cáo" : "Chưa",
      t.filed ? "Đã lập" : "Chưa",
    ]);
    yield `${line.normalize("NFC")}\n`;
  }
  if (tasks === 0) yield "Không có.\n".normalize("NFC");
  yield `\n${assigneeMarkdownLines(m.assignees).join("\n")}\n`.normalize("NFC");
  yield `\n${progressMarkdownLines(m.progress, progressChartFileName(m.asOf)).join("\n")}\n`.normalize("NFC");
}

/** The Markdown report as text chunks of about 64 KB, for writeText. */
export function markdownReport(m: ComplianceReportSource): AsyncGenerator<string> {
  return chunked(markdownLines(m));
}
