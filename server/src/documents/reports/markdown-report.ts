import type { ComplianceFigures } from "../../domain/compliance.js";
import { dayText, momentText, percentText } from "../letters/vietnamese-format.js";
import { assigneeMarkdownLines } from "./assignee-markdown.js";
import {
  figureCells,
  STATUS_TEXT,
  SUMMARY_HEADERS,
  TIMELINESS_TEXT,
  TOTAL_LABEL,
  UNIT_KIND_TEXT,
  type ComplianceReportModel,
} from "./report.model.js";

/** The report as Markdown for an editor's preview: the summary table, then the outstanding lists. */
function cell(value: string | number): string {
  return String(value).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function row(values: (string | number)[]): string {
  return `| ${values.map(cell).join(" | ")} |`;
}

function table(headers: string[], rows: (string | number)[][], numeric: Set<number>): string[] {
  return [
    row(headers),
    `|${headers.map((_, i) => (numeric.has(i) ? " ---: " : " --- ")).join("|")}|`,
    ...rows.map(row),
  ];
}

function figures(f: ComplianceFigures): (string | number)[] {
  return [...figureCells(f, percentText), STATUS_TEXT[f.status]];
}

export function buildMarkdownReport(m: ComplianceReportModel): Buffer {
  const d = m.directive;
  const lines: string[] = [
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
    ...table(
      Object.values(SUMMARY_HEADERS),
      [
        ...m.units.map(({ unit, figures: f, apologizedAfterDue }) => [
          unit.code,
          unit.name,
          UNIT_KIND_TEXT[unit.kind],
          ...figures(f),
          apologizedAfterDue,
        ]),
        ["", `**${TOTAL_LABEL}**`, "", ...figures(m.total), m.totalApologizedAfterDue],
      ],
      new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 13]),
    ),
    "",
    "*Xin lỗi sau hạn*: phiếu xin lỗi ban hành sau thời điểm hẹn trả kết quả; vẫn được tính là đã xin lỗi.",
    "",
    `## Hồ sơ quá hạn chưa xin lỗi (${m.outstandingCases.length})`,
    "",
  ];
  if (m.outstandingCases.length === 0) lines.push("Không có.");
  else {
    lines.push(
      ...table(
        ["Đơn vị", "Mã hồ sơ", "Thủ tục", "Tổ chức, cá nhân", "Hẹn trả", "Trả kết quả", "Tình trạng", "Ngày làm việc quá hạn"],
        m.outstandingCases.map((c) => [
          c.unitCode,
          c.caseCode,
          c.procedureName,
          c.applicantName,
          momentText(c.dueAt),
          c.resolvedAt ? momentText(c.resolvedAt) : "",
          TIMELINESS_TEXT[c.timeliness],
          c.workingDaysLate,
        ]),
        new Set([7]),
      ),
    );
  }
  lines.push("", `## Công việc HpNet chưa báo cáo hoặc chưa lập hồ sơ (${m.outstandingTasks.length})`, "");
  if (m.outstandingTasks.length === 0) lines.push("Không có.");
  else {
    lines.push(
      ...table(
        ["Đơn vị", "Mã HpNet", "Nội dung", "Người xử lý", "Ngày giao", "Báo cáo/lưu trữ", "Hồ sơ công việc"],
        m.outstandingTasks.map((t) => [
          t.unitCode,
          t.externalId,
          t.title,
          t.assignee ?? "",
          momentText(t.assignedAt),
          t.reported ? "Đã báo cáo" : "Chưa",
          t.filed ? "Đã lập" : "Chưa",
        ]),
        new Set(),
      ),
    );
  }
  lines.push("", ...assigneeMarkdownLines(m.assignees), "");
  return Buffer.from(lines.join("\n").normalize("NFC"), "utf8");
}
