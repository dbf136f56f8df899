import type { Request } from "express";
import type { PublicApologyFilter } from "../../services/public-apologies.js";
import { lookupKey } from "../../services/lookups.js";

/**
 * The public pages' query parameters, named in Vietnamese as the page's form sends them:
 * ma (dossier code), don-vi (unit code), nam (year of the apology), trang (page, from 1).
 * A value the page could not have sent is refused with a sentence a citizen can read.
 */
export class PublicQueryError extends Error {}

const MAX_TEXT = 100;

function text(req: Request, name: string): string | null {
  const value = req.query[name];
  if (value === undefined) return null;
  if (typeof value !== "string") throw new PublicQueryError(`Tham số "${name}" chỉ được nhập một lần.`);
  const trimmed = lookupKey(value);
  if (trimmed.length > MAX_TEXT) throw new PublicQueryError(`Tham số "${name}" dài quá ${MAX_TEXT} ký tự.`);
  return trimmed === "" ? null : trimmed;
}

function whole(req: Request, name: string, min: number, max: number, label: string): number | null {
  const value = text(req, name);
  if (value === null) return null;
  if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new PublicQueryError(`${label} phải là số nguyên từ ${min} đến ${max}.`);
  }
  return Number(value);
}

export function publicFilter(req: Request): PublicApologyFilter {
  return {
    caseCode: text(req, "ma"),
    unitCode: text(req, "don-vi"),
    year: whole(req, "nam", 2000, 2100, "Năm"),
    page: whole(req, "trang", 1, 100_000, "Trang") ?? 1,
  };
}

/** The same filter as query parameters, for links (paging, the feed, the JSON) that keep it. */
export function filterParams(filter: PublicApologyFilter, page = filter.page): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.caseCode !== null) params.set("ma", filter.caseCode);
  if (filter.unitCode !== null) params.set("don-vi", filter.unitCode);
  if (filter.year !== null) params.set("nam", String(filter.year));
  if (page !== 1) params.set("trang", String(page));
  return params;
}

export function withParams(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query === "" ? path : `${path}?${query}`;
}
