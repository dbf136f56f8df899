import { fromVietnamWallClock } from "../../domain/vietnam-time.js";
import type { ApologyLetterModel } from "../letters/apology-letter.js";
import type { ReminderLetterModel } from "../letters/reminder-letter.js";

/**
 * Fictional letters for `npm run render-samples`, the bench and the builders' tests: a person
 * looks at these to judge the layout, so they carry realistic, long Vietnamese text.
 */
export function sampleApologyModel(caseCode = "H01"): ApologyLetterModel {
  return {
    caseCode,
    procedureName: "Điều chỉnh Giấy chứng nhận đăng ký đầu tư đối với dự án thuộc diện chấp thuận chủ trương đầu tư",
    applicantName: "Công ty TNHH Cơ khí chính xác Đình Vũ",
    unitCode: "QLĐT",
    unitName: "Phòng Quản lý Đầu tư",
    receivedAt: fromVietnamWallClock("2023-01-03", 9, 15),
    dueAt: fromVietnamWallClock("2023-01-17", 17, 0),
    apology: {
      number: "12/PXL-QLĐT",
      issuedAt: fromVietnamWallClock("2023-01-19", 10, 0),
      reason: "Hồ sơ cần lấy ý kiến thẩm định của Sở Kế hoạch và Đầu tư, Sở Xây dựng; văn bản góp ý đến chậm so với thời hạn",
      newDueAt: fromVietnamWallClock("2023-02-06", 17, 0),
      signer: "Lê Thị Thu Hằng",
    },
  };
}

export function sampleReminderModel(): ReminderLetterModel {
  return {
    directive: {
      number: "2315/TB-BQL",
      subject: "V/v triển khai rà soát, xin lỗi hồ sơ TTHC quá hạn và báo cáo, lập hồ sơ công việc trên HpNet",
      issuedOn: "2023-11-08",
      periodStart: "2023-01-01",
      periodEnd: "2023-12-31",
      deadline: "2023-11-17",
    },
    asOf: fromVietnamWallClock("2023-11-14", 16, 30),
    units: [
      {
        unitCode: "QLDN",
        unitName: "Phòng Quản lý Doanh nghiệp và Giám sát đầu tư",
        casesWithoutApology: 2,
        tasksNotReported: 2,
        tasksNotFiled: 2,
        rate: 0.7123,
        cases: [
          { caseCode: "000.00.31.H10-230502-0017", procedureName: "Điều chỉnh Giấy chứng nhận đăng ký đầu tư", dueAt: fromVietnamWallClock("2023-05-08", 16, 30), timeliness: "OVERDUE", workingDaysLate: 134 },
          { caseCode: "000.00.31.H10-230601-0042", procedureName: "Xác nhận ưu đãi đầu tư", dueAt: fromVietnamWallClock("2023-06-14", 16, 30), timeliness: "LATE", workingDaysLate: 4 },
        ],
        tasks: [
          { externalId: "HP-2023-0415", title: "Báo cáo tình hình hoạt động của doanh nghiệp FDI quý II/2023", assignedAt: fromVietnamWallClock("2023-06-20", 8, 0), reported: false, filed: false },
          { externalId: "HP-2023-0502", title: "Tham mưu văn bản trả lời Công ty TNHH Hải Âu về giám sát đầu tư", assignedAt: fromVietnamWallClock("2023-07-11", 9, 0), reported: true, filed: false },
          { externalId: "HP-2023-0611", title: "Tổng hợp số liệu giám sát, đánh giá đầu tư 6 tháng đầu năm", assignedAt: fromVietnamWallClock("2023-08-02", 14, 0), reported: false, filed: true },
        ],
      },
      {
        unitCode: "QLĐT",
        unitName: "Phòng Quản lý Đầu tư",
        casesWithoutApology: 1,
        tasksNotReported: 0,
        tasksNotFiled: 1,
        rate: 0.875,
        cases: [
          { caseCode: "000.00.31.H10-230301-0005", procedureName: "Cấp Giấy chứng nhận đăng ký đầu tư", dueAt: fromVietnamWallClock("2023-03-15", 16, 30), timeliness: "LATE", workingDaysLate: 6 },
        ],
        tasks: [
          { externalId: "HP-2023-0733", title: "Thẩm định hồ sơ điều chỉnh dự án nhà máy điện tử Tràng Duệ", assignedAt: fromVietnamWallClock("2023-09-05", 8, 30), reported: true, filed: false },
        ],
      },
      { unitCode: "TTXT", unitName: "Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm", casesWithoutApology: 0, tasksNotReported: 1, tasksNotFiled: 1, rate: 0.9666 },
    ],
  };
}
