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
      { unitCode: "QLDN", unitName: "Phòng Quản lý Doanh nghiệp và Giám sát đầu tư", casesWithoutApology: 3, tasksNotReported: 5, tasksNotFiled: 8, rate: 0.7123 },
      { unitCode: "QLĐT", unitName: "Phòng Quản lý Đầu tư", casesWithoutApology: 2, tasksNotReported: 0, tasksNotFiled: 4, rate: 0.875 },
      { unitCode: "TTXT", unitName: "Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm", casesWithoutApology: 0, tasksNotReported: 1, tasksNotFiled: 1, rate: 0.9666 },
    ],
  };
}
