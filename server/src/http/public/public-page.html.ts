import { momentDayText, momentText } from "../../documents/letters/vietnamese-format.js";
import type { PublicApologyFilter, PublicApologyPage } from "../../services/public-apologies.js";
import { escapeMarkup as e } from "./html-escape.js";
import { filterParams, withParams } from "./public-query.js";

/**
 * GET /cong-khai as HTML: a Vietnamese page that needs no script (a GET form, links for paging),
 * with a heading outline, labelled fields, a table with a caption and column headers that turns
 * into one card per apology on a phone, and a print style sheet (public-page.css.ts).
 */
export interface PublicPageView {
  agencyName: string;
  filter: PublicApologyFilter;
  result: PublicApologyPage | null;
  units: { code: string; name: string }[];
  /** A sentence shown instead of the results: a refused parameter, an unknown unit. */
  problem: string | null;
}

export const PAGE_TITLE = "Công khai xin lỗi hồ sơ thủ tục hành chính trễ hạn";

const COLUMNS = ["Mã hồ sơ", "Thủ tục hành chính", "Đơn vị giải quyết", "Tổ chức, cá nhân", "Phiếu xin lỗi", "Lý do chậm trễ", "Ngày hẹn trả mới"];

function searchForm(view: PublicPageView): string {
  const f = view.filter;
  const unitOptions = view.units
    .map((u) => `<option value="${e(u.code)}"${u.code === f.unitCode ? " selected" : ""}>${e(u.name)}</option>`)
    .join("");
  return `<form class="tim-kiem" method="get" action="/cong-khai" role="search" aria-labelledby="tim-kiem-tieu-de">
  <h2 id="tim-kiem-tieu-de">Tra cứu</h2>
  <div class="truong">
    <label for="ma">Mã hồ sơ (in trên giấy tiếp nhận)</label>
    <input id="ma" name="ma" type="text" inputmode="text" autocomplete="off" maxlength="100" value="${e(f.caseCode ?? "")}">
  </div>
  <div class="truong">
    <label for="don-vi">Đơn vị</label>
    <select id="don-vi" name="don-vi"><option value="">Tất cả đơn vị</option>${unitOptions}</select>
  </div>
  <div class="truong">
    <label for="nam">Năm xin lỗi</label>
    <input id="nam" name="nam" type="number" min="2000" max="2100" step="1" value="${f.year ?? ""}">
  </div>
  <div class="nut"><button type="submit">Tìm kiếm</button> <a href="/cong-khai">Xóa bộ lọc</a></div>
</form>`;
}

function table(result: PublicApologyPage): string {
  const rows = result.items
    .map(
      (item) => `<tr>
  <th scope="row" data-label="${COLUMNS[0]}">${e(item.caseCode)}</th>
  <td data-label="${COLUMNS[1]}">${e(item.procedureName)}</td>
  <td data-label="${COLUMNS[2]}">${e(item.unitName)}</td>
  <td data-label="${COLUMNS[3]}">${e(item.applicant)}</td>
  <td data-label="${COLUMNS[4]}">Số ${e(item.apologyNumber)}<br>ngày ${momentDayText(item.issuedAt)}</td>
  <td data-label="${COLUMNS[5]}">${e(item.reason)}</td>
  <td data-label="${COLUMNS[6]}">${momentText(item.newDueAt)}</td>
</tr>`,
    )
    .join("\n");
  return `<table>
<caption>Trang ${result.page}/${result.totalPages}: ${result.items.length} trong ${result.totalCount} phiếu xin lỗi đã công khai, mới nhất trước</caption>
<thead><tr>${COLUMNS.map((c) => `<th scope="col">${c}</th>`).join("")}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function paging(view: PublicPageView, result: PublicApologyPage): string {
  const link = (page: number, label: string, rel: string) =>
    `<a href="${e(withParams("/cong-khai", filterParams(view.filter, page)))}" rel="${rel}">${label}</a>`;
  const previous = result.page > 1 ? link(Math.min(result.page - 1, result.totalPages), "← Trang trước", "prev") : "";
  const next = result.page < result.totalPages ? link(result.page + 1, "Trang sau →", "next") : "";
  if (!previous && !next) return "";
  return `<nav class="phan-trang" aria-label="Phân trang">${previous} <span>Trang ${result.page}/${result.totalPages}</span> ${next}</nav>`;
}

function results(view: PublicPageView): string {
  if (view.problem !== null) return `<p class="thong-bao" role="alert">${e(view.problem)}</p>`;
  const result = view.result as PublicApologyPage;
  if (result.items.length === 0) {
    const sentence =
      view.filter.caseCode !== null
        ? `Không tìm thấy phiếu xin lỗi đã công khai cho hồ sơ ${view.filter.caseCode}.`
        : result.totalCount > 0
          ? `Trang ${result.page} không có phiếu nào: danh sách có ${result.totalPages} trang.`
          : "Chưa có phiếu xin lỗi nào được công khai theo bộ lọc này.";
    return `<p class="thong-bao" role="status">${e(sentence)}</p>`;
  }
  return `${table(result)}\n${paging(view, result)}`;
}

export function renderPublicPage(view: PublicPageView): string {
  const feed = withParams("/cong-khai/feed.atom", filterParams(view.filter, 1));
  const json = withParams("/cong-khai.json", filterParams(view.filter));
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${PAGE_TITLE} - ${e(view.agencyName)}</title>
<link rel="stylesheet" href="/cong-khai/giao-dien.css">
<link rel="alternate" type="application/atom+xml" title="${PAGE_TITLE} (Atom)" href="${e(feed)}">
</head>
<body>
<a class="bo-qua" href="#ket-qua">Bỏ qua, đến kết quả</a>
<header>
<p class="co-quan">${e(view.agencyName)}</p>
<h1>${PAGE_TITLE}</h1>
<p>Theo quy định về thực hiện cơ chế một cửa, cơ quan xin lỗi tổ chức, cá nhân khi hồ sơ giải quyết trễ hạn và hẹn lại ngày trả kết quả. Tên cá nhân được viết tắt để bảo vệ dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP).</p>
</header>
<main>
${searchForm(view)}
<section id="ket-qua" aria-labelledby="ket-qua-tieu-de">
<h2 id="ket-qua-tieu-de">Phiếu xin lỗi đã công khai</h2>
${results(view)}
</section>
</main>
<footer>
<p>Dữ liệu cho cổng thông tin: <a href="${e(feed)}">nguồn tin Atom</a> · <a href="${e(json)}">JSON</a></p>
</footer>
</body>
</html>
`;
}
