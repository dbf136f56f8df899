import type { DataSource } from "typeorm";
import { publicApplicantName } from "../domain/applicant-name.js";
import { startOfVietnamDay } from "../domain/vietnam-time.js";
import { sqlMoment, sqlNumber } from "../db/sql-moment.js";

/**
 * The published apologies as the public may see them (GET /cong-khai and its feed and JSON):
 * only those with publishedAt at or before now, newest publication first, 50 a page, and only the
 * fields that identify the apology to its applicant. The applicant's name leaves this module
 * already protected (organisations in full, people masked); no internal id leaves it at all.
 */
export const PUBLIC_PAGE_SIZE = 50;

export interface PublicApologyFilter {
  /** A dossier code, matched whole, ignoring ASCII case (what the applicant types from the receipt). */
  caseCode: string | null;
  unitCode: string | null;
  /** The Vietnam year of the apology's date. */
  year: number | null;
  /** 1-based. */
  page: number;
}

export interface PublicApology {
  caseCode: string;
  procedureName: string;
  unitCode: string;
  unitName: string;
  /** Protected: an organisation's name in full, a person's masked. */
  applicant: string;
  apologyNumber: string;
  issuedAt: Date;
  reason: string;
  newDueAt: Date;
  publishedAt: Date;
}

export interface PublicApologyPage {
  items: PublicApology[];
  page: number;
  pageSize: number;
  totalCount: number;
  totalPages: number;
  /**
   * Last-Modified and the feed's `updated`: the latest publication among every matching apology
   * (not only this page's), or the latest write of any kind, whichever is later. A correction of a
   * published case (an applicant's name, a unit's name, the Office's organisation prefixes) changes
   * the page without a publication, and every write is in the audit trail; a write that leaves the
   * page as it was only costs a poller one full answer.
   */
  lastChangedAt: Date | null;
}

function whereClause(filter: PublicApologyFilter, now: Date): { sql: string; params: unknown[] } {
  const conditions = ["a.publishedAt IS NOT NULL", "a.publishedAt <= ?"];
  const params: unknown[] = [sqlMoment(now)];
  if (filter.caseCode !== null) {
    conditions.push("LOWER(c.code) = LOWER(?)");
    params.push(filter.caseCode);
  }
  if (filter.unitCode !== null) {
    conditions.push("u.code = ?");
    params.push(filter.unitCode);
  }
  if (filter.year !== null) {
    conditions.push("a.issuedAt >= ? AND a.issuedAt < ?");
    params.push(sqlMoment(startOfVietnamDay(`${filter.year}-01-01`)), sqlMoment(startOfVietnamDay(`${filter.year + 1}-01-01`)));
  }
  return { sql: conditions.join(" AND "), params };
}

const FROM = `FROM apologies a JOIN cases c ON c.id = a.caseId JOIN units u ON u.id = c.unitId`;

/** Moments come back as Date from mysql2 and as "YYYY-MM-DD HH:mm:ss.SSS" (UTC) text from SQLite. */
function moment(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(" ", "T")}Z`);
}

function optionalMoment(value: unknown): Date | null {
  return value === null || value === undefined ? null : moment(value);
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (a === null || b === null) return a ?? b;
  return a.getTime() >= b.getTime() ? a : b;
}

/** `prefixes`: the Office's organisation prefixes (letter texts, publicApologies.organisationPrefixes). */
export async function publishedApologies(
  db: DataSource,
  filter: PublicApologyFilter,
  now: Date,
  prefixes: readonly string[],
): Promise<PublicApologyPage> {
  const where = whereClause(filter, now);
  const [[summary], rows, [lastWrite]] = await Promise.all([
    db.query(`SELECT COUNT(*) AS n, MAX(a.publishedAt) AS lastPublishedAt ${FROM} WHERE ${where.sql}`, where.params) as Promise<
      Record<string, unknown>[]
    >,
    db.query(
      `SELECT c.code AS caseCode, c.procedureName AS procedureName, c.applicantName AS applicantName,
              u.code AS unitCode, u.name AS unitName,
              a.number AS apologyNumber, a.issuedAt AS issuedAt, a.reason AS reason, a.newDueAt AS newDueAt,
              a.publishedAt AS publishedAt
         ${FROM}
        WHERE ${where.sql}
        ORDER BY a.publishedAt DESC, c.code ASC
        LIMIT ${PUBLIC_PAGE_SIZE} OFFSET ${(filter.page - 1) * PUBLIC_PAGE_SIZE}`,
      where.params,
    ) as Promise<Record<string, unknown>[]>,
    // The latest entry by its key (audit_entries is append-only and has no index on `at`).
    db.query(`SELECT e.at AS at FROM audit_entries e ORDER BY e.id DESC LIMIT 1`) as Promise<Record<string, unknown>[]>,
  ]);
  const totalCount = sqlNumber(summary.n);
  return {
    items: rows.map((row) => ({
      caseCode: String(row.caseCode),
      procedureName: String(row.procedureName),
      unitCode: String(row.unitCode),
      unitName: String(row.unitName),
      applicant: publicApplicantName(String(row.applicantName), prefixes),
      apologyNumber: String(row.apologyNumber),
      issuedAt: moment(row.issuedAt),
      reason: String(row.reason),
      newDueAt: moment(row.newDueAt),
      publishedAt: moment(row.publishedAt),
    })),
    page: filter.page,
    pageSize: PUBLIC_PAGE_SIZE,
    totalCount,
    totalPages: Math.max(1, Math.ceil(totalCount / PUBLIC_PAGE_SIZE)),
    lastChangedAt: latest(optionalMoment(summary.lastPublishedAt), optionalMoment(lastWrite?.at)),
  };
}
