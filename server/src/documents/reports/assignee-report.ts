/**
 * Thống kê HpNet theo cán bộ: the rows Directive.assignees gives, as the report's formats print
 * them. Kept apart from the rest of the report so each format adds it in one call.
 */
export interface AssigneeReportRow {
  unitCode: string;
  unitName: string;
  /** Null: tasks with no assignee on HpNet. */
  assignee: string | null;
  tasks: number;
  reportedTasks: number;
  filedTasks: number;
  /** (tasks - reportedTasks) + (tasks - filedTasks), as the contract defines it. */
  outstanding: number;
}

export const ASSIGNEES_SHEET = "Thống kê HpNet theo cán bộ";
export const ASSIGNEES_TITLE = "Thống kê công việc trên HpNet theo cán bộ";

export const ASSIGNEE_HEADERS = {
  unit: "Đơn vị",
  assignee: "Cán bộ xử lý",
  tasks: "Công việc HpNet",
  reportedTasks: "Đã báo cáo/lưu trữ",
  filedTasks: "Đã lập hồ sơ",
  outstanding: "Còn tồn đọng",
} as const;

/** How a task without an assignee is named wherever people are listed. */
export const NO_ASSIGNEE = "(Chưa có người xử lý)";

export function assigneeName(assignee: string | null): string {
  return assignee ?? NO_ASSIGNEE;
}

/** One row's cells in ASSIGNEE_HEADERS' order. */
export function assigneeCells(r: AssigneeReportRow): (string | number)[] {
  return [`${r.unitCode} - ${r.unitName}`, assigneeName(r.assignee), r.tasks, r.reportedTasks, r.filedTasks, r.outstanding];
}
