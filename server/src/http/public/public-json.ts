import type { PublicApologyFilter, PublicApologyPage } from "../../services/public-apologies.js";
import { filterParams, withParams } from "./public-query.js";

/**
 * GET /cong-khai.json: the page's items and paging for the portal. Moments are ISO-8601 in UTC;
 * the applicant is protected as on the page; there is no internal id, only the dossier code.
 */
export function toPublicJson(filter: PublicApologyFilter, result: PublicApologyPage, baseUrl: string) {
  const pageUrl = (page: number) => `${baseUrl}${withParams("/cong-khai.json", filterParams(filter, page))}`;
  return {
    page: result.page,
    pageSize: result.pageSize,
    totalCount: result.totalCount,
    totalPages: result.totalPages,
    next: result.page < result.totalPages ? pageUrl(result.page + 1) : null,
    previous: result.page > 1 ? pageUrl(Math.min(result.page - 1, result.totalPages)) : null,
    items: result.items.map((item) => ({
      caseCode: item.caseCode,
      procedureName: item.procedureName,
      unit: { code: item.unitCode, name: item.unitName },
      applicant: item.applicant,
      apologyNumber: item.apologyNumber,
      issuedAt: item.issuedAt.toISOString(),
      reason: item.reason,
      newDueAt: item.newDueAt.toISOString(),
      publishedAt: item.publishedAt.toISOString(),
    })),
  };
}
