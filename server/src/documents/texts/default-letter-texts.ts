import { DEFAULT_ORGANISATION_PREFIXES } from "../../domain/applicant-name.js";
import type { ApologyFormTexts, LetterTexts } from "./letter-texts.js";

/**
 * Circular 01/2018/TT-VPCP, form no. 04. The official sentences are not confirmed word for word
 * (docs/domain.md marks them [U]), so they are written plainly and the Office may edit them.
 */
const APOLOGY_FORM_2018: ApologyFormTexts = {
  source: "Thông tư số 01/2018/TT-VPCP, Mẫu số 04",
  title: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
  salutation: "Kính gửi: {applicantName}.",
  notOnTimeBeforeDue: "Tuy nhiên, hồ sơ không thể giải quyết và trả kết quả đúng thời gian đã hẹn.",
  notOnTimeAfterDue: "Tuy nhiên, hồ sơ đã không được giải quyết và trả kết quả đúng thời gian đã hẹn.",
  paragraphs: [
    "Ngày {receivedDate}, {agencyName} tiếp nhận hồ sơ của {applicantName} đề nghị giải quyết thủ tục hành chính: {procedureName}. Mã hồ sơ: {caseCode}.",
    "Thời gian hẹn trả kết quả giải quyết hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả là ngày {dueDate}.",
    "{notOnTime}",
    "Lý do: {reason}",
    "Sự chậm trễ này đã gây phiền hà, làm mất thời gian và chi phí đi lại của {applicantName}. {agencyName} trân trọng xin lỗi và mong nhận được sự thông cảm của {applicantName}.",
    "{agencyName} hẹn trả kết quả giải quyết hồ sơ vào ngày {newDueDate}.",
    "Xin trân trọng cảm ơn./.",
  ],
  signature: { authority: "KT. TRƯỞNG BAN", title: "PHÓ TRƯỞNG BAN" },
  recipients: ["Như trên;", "Lưu: VT, {unitCode}."],
};

/**
 * Since 1/7/2025 (Decree 118/2025/NĐ-CP) the form is reportedly renamed by Circular 03/2025/TT-VPCP
 * [single source]: shipped so the Office can switch `apologyForm` once it has checked the text.
 */
const APOLOGY_FORM_2025: ApologyFormTexts = {
  source: "Thông tư số 03/2025/TT-VPCP (chưa đối chiếu văn bản gốc)",
  title: "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
  salutation: "Kính gửi: {applicantName}.",
  notOnTimeBeforeDue: "Tuy nhiên, hồ sơ không thể giải quyết xong trong thời hạn nêu trên.",
  notOnTimeAfterDue: "Tuy nhiên, hồ sơ đã không được giải quyết xong trong thời hạn nêu trên.",
  paragraphs: [
    "Ngày {receivedDate}, {agencyName} tiếp nhận hồ sơ của {applicantName} đề nghị giải quyết thủ tục hành chính: {procedureName}. Mã hồ sơ: {caseCode}.",
    "Thời hạn giải quyết hồ sơ theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả là ngày {dueDate}.",
    "{notOnTime}",
    "Lý do: {reason}",
    "{agencyName} trân trọng xin lỗi {applicantName} và đề nghị gia hạn thời gian giải quyết hồ sơ đến ngày {newDueDate}.",
    "Xin trân trọng cảm ơn./.",
  ],
  signature: { authority: "KT. TRƯỞNG BAN", title: "PHÓ TRƯỞNG BAN" },
  recipients: ["Như trên;", "Lưu: VT, {unitCode}."],
};

/** The Hai Phong Economic Zone Authority's texts; the signer's name is fictional until the Office sets it. */
export const DEFAULT_LETTER_TEXTS: LetterTexts = {
  agency: {
    parentAgency: "UBND THÀNH PHỐ HẢI PHÒNG",
    agency: "BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG",
    agencyName: "Ban Quản lý Khu kinh tế Hải Phòng",
    place: "Hải Phòng",
    nationalName: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
  },
  apologyForm: "TT01-2018",
  apologyForms: {
    "TT01-2018": APOLOGY_FORM_2018,
    "TT03-2025": APOLOGY_FORM_2025,
  },
  reminder: {
    numberSymbol: "/TB-BQL",
    subject: "V/v đôn đốc hoàn thành xin lỗi hồ sơ TTHC quá hạn, báo cáo hoàn thành và lập hồ sơ công việc trên HpNet",
    salutation: "Kính gửi:",
    introParagraphs: [
      "Thực hiện Văn bản số {directiveNumber} ngày {directiveIssuedOn} của {agencyName} về việc {directiveSubject}, các phòng chuyên môn, đơn vị sự nghiệp trực thuộc phải hoàn thành 100% trước ngày {deadline} các nội dung: rà soát hồ sơ thủ tục hành chính giải quyết quá hạn (hẹn trả từ ngày {periodStart} đến ngày {periodEnd}) và xin lỗi công khai đối với từng hồ sơ; báo cáo hoàn thành hoặc lưu trữ các công việc được giao trên HpNet; lập hồ sơ công việc theo Nghị định số 30/2020/NĐ-CP.",
      "Theo số liệu tổng hợp đến {asOfTime} ngày {asOfDate}, còn {unitCount} đơn vị chưa hoàn thành, cụ thể như sau:",
    ],
    tableHeaders: {
      order: "TT",
      unit: "Đơn vị",
      casesWithoutApology: "Hồ sơ quá hạn chưa xin lỗi",
      tasksNotReported: "Công việc chưa báo cáo hoàn thành",
      tasksNotFiled: "Công việc chưa lập hồ sơ",
      rate: "Tỷ lệ hoàn thành",
    },
    requestBeforeDeadline: [
      "{agencyName} đề nghị Thủ trưởng các đơn vị nêu trên khẩn trương chỉ đạo hoàn thành các nội dung còn tồn đọng trước ngày {deadline}; báo cáo kết quả về Ban (qua Văn phòng) để tổng hợp, phục vụ tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm của Ban./.",
    ],
    requestAfterDeadline: [
      "Thời hạn hoàn thành ngày {deadline} đã hết. {agencyName} yêu cầu Thủ trưởng các đơn vị nêu trên hoàn thành ngay các nội dung còn tồn đọng; báo cáo kết quả, giải trình lý do chậm trễ về Ban (qua Văn phòng) để tổng hợp, phục vụ tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm của Ban./.",
    ],
    forecastSentence: "Theo tiến độ hiện nay, {unitName} dự kiến hoàn thành ngày {expectedDate}, sau thời hạn.",
    forecastStalledSentence: "Theo tiến độ hiện nay, {unitName} không có tiến triển trong 7 ngày qua, không thể hoàn thành đúng thời hạn.",
    signature: { authority: "KT. TRƯỞNG BAN", title: "PHÓ TRƯỞNG BAN", name: "Trần Quang Minh" },
    recipients: ["Như trên;", "Trưởng ban (để b/c);", "Lưu: VT, VP."],
    appendix: {
      note: "Danh sách hồ sơ, công việc còn tồn đọng của từng đơn vị tại Phụ lục kèm theo.",
      heading: "Phụ lục",
      title: "DANH SÁCH HỒ SƠ, CÔNG VIỆC CÒN TỒN ĐỌNG",
      subtitle: "(Kèm theo Văn bản số      /TB-BQL ngày {asOfDate} của {agencyName})",
      casesLabel: "Hồ sơ thủ tục hành chính quá hạn chưa xin lỗi:",
      tasksLabel: "Công việc trên HpNet chưa báo cáo hoàn thành hoặc chưa lập hồ sơ:",
      caseHeaders: ["TT", "Mã hồ sơ", "Thủ tục hành chính", "Hẹn trả", "Tình trạng", "Ngày làm việc quá hạn"],
      taskHeaders: ["TT", "Mã HpNet", "Nội dung công việc", "Ngày giao", "Còn thiếu"],
      notReported: "Chưa báo cáo hoàn thành",
      notFiled: "Chưa lập hồ sơ",
      peopleLabel: "Cán bộ còn công việc trên HpNet chưa hoàn thành:",
      peopleHeaders: ["TT", "Cán bộ xử lý", "Số công việc", "Chưa báo cáo hoàn thành", "Chưa lập hồ sơ"],
      noAssignee: "(Chưa có người xử lý)",
      moreItems: "… và {moreCount} mục khác (danh sách đầy đủ tại Báo cáo tình hình thực hiện kèm theo).",
    },
  },
  publicApologies: { organisationPrefixes: [...DEFAULT_ORGANISATION_PREFIXES] },
};
