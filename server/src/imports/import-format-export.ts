import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { ScopeWindow } from "../domain/compliance.js";
import { sqlMoment } from "../db/sql-moment.js";
import { fileNamePart } from "../documents/document-file.js";
import { Apology } from "../entities/apology.entity.js";
import { Case } from "../entities/case.entity.js";
import { HpNetTask } from "../entities/hpnet-task.entity.js";
import { Unit } from "../entities/unit.entity.js";
import { CSV_BOM, csvLine } from "./csv-writing.js";
import { COLUMNS_OF, type ImportKind } from "./import-columns.js";
import { isoVietnamMoment } from "./moment-format.js";

/** Which rows an export holds: a directive's scope (its period as UTC bounds), optionally one unit's. */
export interface ExportScope {
  window: ScopeWindow;
  unitId?: number;
}

const PAGE = 1000;

/**
 * A directive's cases, apologies or HpNet tasks as CSV in exactly the import format (English
 * headers, ISO-8601 moments in Vietnam time to the millisecond), so that importing the export
 * changes nothing. Cases are those due inside the period, apologies those of such cases, tasks
 * those assigned inside it. Rows come ordered by key, read a page at a time.
 */
export async function* importFormatCsv(db: DataSource, kind: ImportKind, scope: ExportScope): AsyncGenerator<string> {
  const units = new Map((await db.getRepository(Unit).find()).map((u) => [u.id, u.code]));
  const unitCode = (id: number) => units.get(id) ?? "";
  yield CSV_BOM + csvLine(COLUMNS_OF[kind].map((c) => c.name));
  if (kind === "cases") {
    for await (const c of pages(db, Case, "c", "c.code", (c) => c.code, (q) => inScope(q, "c.dueAt", "c.unitId", scope))) {
      yield csvLine([
        c.code,
        c.procedureName,
        c.applicantName,
        unitCode(c.unitId),
        moment(c.receivedAt),
        moment(c.dueAt),
        moment(c.resolvedAt),
      ]);
    }
  } else if (kind === "apologies") {
    for await (const page of apologyPages(db, scope)) {
      for (const { apology: a, caseCode } of page) {
        yield csvLine([caseCode, a.number, moment(a.issuedAt), a.reason, moment(a.newDueAt), a.signer, moment(a.publishedAt)]);
      }
    }
  } else {
    const taskPages = pages(db, HpNetTask, "t", "t.externalId", (t) => t.externalId, (q) =>
      inScope(q, "t.assignedAt", "t.unitId", scope),
    );
    for await (const t of taskPages) {
      yield csvLine([
        t.externalId,
        t.title,
        unitCode(t.unitId),
        t.assignee,
        moment(t.assignedAt),
        moment(t.dueAt),
        moment(t.completionReportedAt),
        moment(t.archivedAt),
        t.workFileCode,
        moment(t.workFileCreatedAt),
      ]);
    }
  }
}

/** The whole export in memory, for the GraphQL Document (base64 needs it whole anyway). */
export async function importFormatCsvBuffer(db: DataSource, kind: ImportKind, scope: ExportScope): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const text of importFormatCsv(db, kind, scope)) parts.push(Buffer.from(text, "utf8"));
  return Buffer.concat(parts);
}

const moment = (value: Date | null): string | null => (value === null ? null : isoVietnamMoment(value));

function inScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  momentColumn: string,
  unitColumn: string,
  scope: ExportScope,
): SelectQueryBuilder<T> {
  query.where(`${momentColumn} >= :from AND ${momentColumn} < :until`, {
    from: sqlMoment(scope.window.from),
    until: sqlMoment(scope.window.until),
  });
  if (scope.unitId !== undefined) query.andWhere(`${unitColumn} = :unitId`, { unitId: scope.unitId });
  return query;
}

/** Keyset pages on a binary-collated key: memory holds one page, however many rows there are. */
async function* pages<T extends ObjectLiteral>(
  db: DataSource,
  entity: new () => T,
  alias: string,
  keyColumn: string,
  keyOf: (row: T) => string,
  filter: (query: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
): AsyncGenerator<T> {
  let after: string | null = null;
  for (;;) {
    const query = filter(db.getRepository(entity).createQueryBuilder(alias));
    if (after !== null) query.andWhere(`${keyColumn} > :after`, { after });
    const rows = await query.orderBy(keyColumn, "ASC").limit(PAGE).getMany();
    yield* rows;
    if (rows.length < PAGE) return;
    after = keyOf(rows[rows.length - 1]);
  }
}

async function* apologyPages(db: DataSource, scope: ExportScope): AsyncGenerator<{ apology: Apology; caseCode: string }[]> {
  let after: string | null = null;
  for (;;) {
    const query = inScope(
      db.getRepository(Apology).createQueryBuilder("a").innerJoin(Case, "c", "c.id = a.caseId").addSelect("c.code", "caseCode"),
      "c.dueAt",
      "c.unitId",
      scope,
    );
    if (after !== null) query.andWhere("c.code > :after", { after });
    const { entities, raw } = await query.orderBy("c.code", "ASC").limit(PAGE).getRawAndEntities();
    const page = entities.map((apology, i) => ({ apology, caseCode: String((raw[i] as { caseCode: string }).caseCode) }));
    yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1].caseCode;
  }
}

export function importFormatFileName(kind: ImportKind, directiveNumber: string, unitCode?: string | null): string {
  const prefix = { cases: "ho-so", apologies: "xin-loi", tasks: "cong-viec-hpnet" }[kind];
  const unit = unitCode ? `-${fileNamePart(unitCode)}` : "";
  return `${prefix}-${fileNamePart(directiveNumber)}${unit}.csv`;
}
