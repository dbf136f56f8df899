/**
 * The three import formats of docs/import-formats.md (part of the public contract):
 * each column's English name, Vietnamese name, whether it is required and how its cells read.
 */
import type { ImportKind } from "../domain/import-kind.js";
import { TEXT_LIMITS } from "../domain/text-limits.js";

export { IMPORT_KINDS, type ImportKind } from "../domain/import-kind.js";

/**
 * `text` is kept as written (trimmed, NFC); `moment` reads a day alone as 00:00 Vietnam time;
 * `due-moment` reads a day alone as 23:59:59 Vietnam time (every due_at and new_due_at).
 */
export type CellType = "text" | "moment" | "due-moment";

export interface ImportColumn {
  readonly name: string;
  readonly vietnamese: string;
  readonly required: boolean;
  readonly type: CellType;
  /** Characters the database column holds (text columns only; domain/text-limits.ts). */
  readonly maxLength?: number;
}

const column = (
  name: string,
  vietnamese: string,
  required: boolean,
  type: CellType,
  maxLength?: number,
): ImportColumn => Object.freeze({ name, vietnamese, required, type, maxLength });

export const CASE_COLUMNS = [
  column("code", "Mã hồ sơ", true, "text", TEXT_LIMITS.case.code),
  column("procedure_name", "Tên thủ tục", true, "text", TEXT_LIMITS.case.procedureName),
  column("applicant_name", "Người nộp", true, "text", TEXT_LIMITS.case.applicantName),
  column("unit_code", "Mã đơn vị", true, "text", TEXT_LIMITS.unit.code),
  column("received_at", "Ngày tiếp nhận", true, "moment"),
  column("due_at", "Ngày hẹn trả", true, "due-moment"),
  column("resolved_at", "Ngày trả kết quả", false, "moment"),
] as const;

export const APOLOGY_COLUMNS = [
  column("case_code", "Mã hồ sơ", true, "text", TEXT_LIMITS.case.code),
  column("number", "Số phiếu", true, "text", TEXT_LIMITS.apology.number),
  column("issued_at", "Ngày xin lỗi", true, "moment"),
  column("reason", "Lý do", true, "text", TEXT_LIMITS.apology.reason),
  column("new_due_at", "Ngày hẹn trả mới", true, "due-moment"),
  column("signer", "Người ký", true, "text", TEXT_LIMITS.apology.signer),
  column("published_at", "Ngày công khai", false, "moment"),
] as const;

export const TASK_COLUMNS = [
  column("external_id", "Mã công việc", true, "text", TEXT_LIMITS.hpNetTask.externalId),
  column("title", "Trích yếu", true, "text", TEXT_LIMITS.hpNetTask.title),
  column("unit_code", "Mã đơn vị", true, "text", TEXT_LIMITS.unit.code),
  column("assignee", "Người xử lý", false, "text", TEXT_LIMITS.hpNetTask.assignee),
  column("assigned_at", "Ngày giao", true, "moment"),
  column("due_at", "Hạn xử lý", false, "due-moment"),
  column("completion_reported_at", "Ngày báo cáo hoàn thành", false, "moment"),
  column("archived_at", "Ngày lưu trữ", false, "moment"),
  column("work_file_code", "Ký hiệu hồ sơ", false, "text", TEXT_LIMITS.hpNetTask.workFileCode),
  column("work_file_created_at", "Ngày lập hồ sơ", false, "moment"),
] as const;

export const COLUMNS_OF: Readonly<Record<ImportKind, readonly ImportColumn[]>> = {
  cases: CASE_COLUMNS,
  apologies: APOLOGY_COLUMNS,
  tasks: TASK_COLUMNS,
};
