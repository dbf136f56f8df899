import type { DataSource } from "typeorm";
import { Unit } from "../../server/src/entities/unit.entity.js";
import type { Principal } from "../../server/src/graphql/auth.js";
import { Role } from "../../server/src/graphql/enums.js";
import { csvRecords, csvText } from "../../server/src/imports/csv-records.js";
import type { ImportKind } from "../../server/src/imports/import-columns.js";
import type { ImportOutcome } from "../../server/src/imports/import-result.js";
import { runImport } from "../../server/src/imports/import-run.js";
import { UnitKind } from "../../server/src/graphql/enums.js";

export const ADMIN: Principal = { role: Role.ADMIN, unitId: null, tokenId: null };

/** The Authority's units as imports meet them; "QLĐT" checks that a Vietnamese code matches exactly. */
export async function seedUnits(db: DataSource): Promise<Record<string, number>> {
  const repository = db.getRepository(Unit);
  const units = await repository.save([
    repository.create({ code: "VP", name: "Văn phòng", kind: UnitKind.DEPARTMENT }),
    repository.create({ code: "QLĐT", name: "Phòng Quản lý Đầu tư", kind: UnitKind.DEPARTMENT }),
    repository.create({ code: "TTXT", name: "Trung tâm Xúc tiến đầu tư và Dịch vụ việc làm", kind: UnitKind.SERVICE_UNIT }),
  ]);
  return Object.fromEntries(units.map((u) => [u.code, u.id]));
}

export function importCsv(
  db: DataSource,
  kind: ImportKind,
  csv: string,
  actor: Principal = ADMIN,
  batchSize?: number,
): Promise<ImportOutcome> {
  return runImport(db, kind, csvRecords(csvText(csv)), { actor, batchSize });
}

/** Vietnamese letters written decomposed (NFD), as some exports do. */
export const decomposed = (text: string): string => text.normalize("NFD");

export const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());
