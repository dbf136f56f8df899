import { momentDayText, momentText } from "../../documents/letters/vietnamese-format.js";
import type { PublicApology, PublicApologyFilter, PublicApologyPage } from "../../services/public-apologies.js";
import { escapeMarkup as e } from "./html-escape.js";
import { PAGE_TITLE } from "./public-page.html.js";
import { filterParams, withParams } from "./public-query.js";

/**
 * GET /cong-khai/feed.atom: the same page of apologies as an Atom 1.0 feed (RFC 4287) for the
 * portal to republish. Ids are tag: URIs (RFC 4151) built from the dossier code alone (a case has at
 * most one apology), so an entry keeps its id whatever the host, page or filter it is read through.
 * `updated` is the publication moment: the only moment the public record has.
 */
export const TAG_PREFIX = "tag:heza.gov.vn,2023:cchc";

export function entryId(caseCode: string): string {
  return `${TAG_PREFIX}/xin-loi/${encodeURIComponent(caseCode)}`;
}

function entry(item: PublicApology, pageUrl: (params: URLSearchParams) => string): string {
  const link = pageUrl(new URLSearchParams({ ma: item.caseCode }));
  const summary =
    `Hồ sơ ${item.caseCode} (${item.procedureName}) của ${item.applicant}, do ${item.unitName} giải quyết: ` +
    `phiếu xin lỗi số ${item.apologyNumber} ngày ${momentDayText(item.issuedAt)}. Lý do: ${item.reason}. ` +
    `Ngày hẹn trả kết quả mới: ${momentText(item.newDueAt)}.`;
  return `<entry>
<id>${e(entryId(item.caseCode))}</id>
<title>${e(`Xin lỗi về hồ sơ ${item.caseCode} trễ hạn`)}</title>
<link rel="alternate" type="text/html" href="${e(link)}"/>
<published>${item.publishedAt.toISOString()}</published>
<updated>${item.publishedAt.toISOString()}</updated>
<category term="${e(item.unitCode)}" label="${e(item.unitName)}"/>
<summary type="text">${e(summary)}</summary>
</entry>`;
}

export function renderPublicFeed(
  agencyName: string,
  filter: PublicApologyFilter,
  result: PublicApologyPage,
  baseUrl: string,
): string {
  const url = (path: string, params: URLSearchParams) => `${baseUrl}${withParams(path, params)}`;
  const feedUrl = (page: number) => url("/cong-khai/feed.atom", filterParams(filter, page));
  const links = [
    `<link rel="self" type="application/atom+xml" href="${e(feedUrl(result.page))}"/>`,
    `<link rel="alternate" type="text/html" href="${e(url("/cong-khai", filterParams(filter)))}"/>`,
    // RFC 5005 paging, so the portal can walk back through older pages.
    `<link rel="first" href="${e(feedUrl(1))}"/>`,
    ...(result.page > 1 ? [`<link rel="previous" href="${e(feedUrl(Math.min(result.page - 1, result.totalPages)))}"/>`] : []),
    ...(result.page < result.totalPages ? [`<link rel="next" href="${e(feedUrl(result.page + 1))}"/>`] : []),
    `<link rel="last" href="${e(feedUrl(result.totalPages))}"/>`,
  ];
  // The feed's own id names the filtered list, not the page, as RFC 5005 asks of paged feeds.
  const listId = withParams(`${TAG_PREFIX}/xin-loi`, filterParams(filter, 1));
  const updated = (result.lastChangedAt ?? new Date(0)).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<id>${e(listId)}</id>
<title>${e(`${PAGE_TITLE} - ${agencyName}`)}</title>
<updated>${updated}</updated>
<author><name>${e(agencyName)}</name></author>
<generator>CCHC Tracker</generator>
${links.join("\n")}
${result.items.map((item) => entry(item, (params) => url("/cong-khai", params))).join("\n")}
</feed>
`;
}
