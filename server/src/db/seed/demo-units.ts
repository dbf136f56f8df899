import { UnitKind } from "../../core/enums.js";

/** The Authority's departments and affiliated units (domain.md); codes are the Office's short forms. */
export const DEMO_UNITS = [
  { code: "VP", name: "Văn phòng", kind: UnitKind.DEPARTMENT },
  { code: "QLDT", name: "Phòng Quản lý Đầu tư", kind: UnitKind.DEPARTMENT },
  { code: "QLDN", name: "Phòng Quản lý Doanh nghiệp và Giám sát đầu tư", kind: UnitKind.DEPARTMENT },
  { code: "TNMT", name: "Phòng Quản lý Tài nguyên và Môi trường", kind: UnitKind.DEPARTMENT },
  { code: "QLLD", name: "Phòng Quản lý Lao động", kind: UnitKind.DEPARTMENT },
  { code: "VPDD", name: "Văn phòng đại diện tại các KCN, KKT", kind: UnitKind.DEPARTMENT },
  { code: "TTXT", name: "Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm", kind: UnitKind.SERVICE_UNIT },
  { code: "TCN", name: "Trường Trung cấp nghề", kind: UnitKind.SERVICE_UNIT },
];

/** Typical procedures per unit; units without one-stop procedures only have HpNet tasks. */
export const DEMO_PROCEDURES: Record<string, string[]> = {
  QLDT: [
    "Cấp Giấy chứng nhận đăng ký đầu tư",
    "Điều chỉnh Giấy chứng nhận đăng ký đầu tư",
    "Cấp giấy phép xây dựng công trình",
  ],
  QLDN: ["Điều chỉnh Giấy chứng nhận đăng ký đầu tư", "Xác nhận ưu đãi đầu tư"],
  TNMT: ["Cấp giấy phép môi trường", "Thẩm định báo cáo đánh giá tác động môi trường"],
  QLLD: [
    "Cấp giấy phép lao động cho người lao động nước ngoài",
    "Gia hạn giấy phép lao động",
    "Đăng ký nội quy lao động",
  ],
  VPDD: ["Cấp giấy phép lao động cho người lao động nước ngoài", "Đăng ký nội quy lao động"],
  TTXT: ["Giới thiệu việc làm cho người lao động"],
};

export const DEMO_DIRECTIVE = {
  number: "168/TB-BQL",
  subject:
    "V/v đôn đốc xin lỗi công khai hồ sơ TTHC quá hạn năm 2023; báo cáo hoàn thành, lưu trữ và lập hồ sơ công việc trên HpNet",
  issuedOn: "2023-11-08",
  periodStart: "2023-01-01",
  periodEnd: "2023-12-31",
  deadline: "2023-11-17",
};

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Hải"];
const GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Long", "Mai", "Nam", "Phương", "Quỳnh", "Sơn", "Tâm", "Yến"];
const COMPANY = ["Hải Âu", "Cảng Xanh", "Đình Vũ", "Tràng Duệ", "Nam Cầu Kiền", "An Dương", "Bạch Đằng", "Lạch Huyện"];
const COMPANY_KIND = ["Công ty TNHH", "Công ty cổ phần", "Công ty TNHH MTV"];

/** Fictional applicants: people and companies that do not exist. */
export function demoApplicant(pick: <T>(items: readonly T[]) => T, index: number): string {
  if (index % 3 === 0) return `${pick(COMPANY_KIND)} ${pick(COMPANY)} ${pick(["Logistics", "Việt Nam", "Industrial", "Tech"])}`;
  return `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
}

export const DEMO_PEOPLE = ["Phạm Quang Huy", "Lê Thu Trang", "Nguyễn Đức Thành", "Trần Minh Ngọc", "Vũ Hải Yến", "Đỗ Văn Lâm"];

export const DEMO_TASK_TITLES = [
  "Báo cáo tình hình thu hút đầu tư quý",
  "Tham mưu văn bản trả lời kiến nghị của doanh nghiệp",
  "Rà soát thủ tục hành chính thuộc thẩm quyền",
  "Kiểm tra công tác bảo vệ môi trường tại KCN",
  "Tổng hợp số liệu lao động nước ngoài",
  "Dự thảo kế hoạch cải cách hành chính",
  "Trả lời phiếu lấy ý kiến dự thảo quy chế",
  "Báo cáo công tác thi đua khen thưởng",
];
