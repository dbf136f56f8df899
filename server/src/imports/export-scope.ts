import type { DataSource } from "typeorm";
import { scopeWindow } from "../domain/compliance.js";
import { Directive } from "../entities/directive.entity.js";
import { Unit } from "../entities/unit.entity.js";
import { directiveOrNotFound, lookupKey, unitOrNotFound } from "../services/lookups.js";
import type { ExportScope } from "./import-format-export.js";

export interface ResolvedExport {
  directive: Directive;
  unit: Unit | null;
  scope: ExportScope;
}

/** The directive and optional unit an export names; NOT_FOUND for either key that matches nothing. */
export async function resolveExport(db: DataSource, directiveId: string, unitCode?: string | null): Promise<ResolvedExport> {
  const directive = await directiveOrNotFound(db, directiveId);
  const unit = unitCode === null || unitCode === undefined || lookupKey(unitCode) === "" ? null : await unitOrNotFound(db, unitCode);
  return {
    directive,
    unit,
    scope: { window: scopeWindow(directive.periodStart, directive.periodEnd), unitId: unit?.id },
  };
}
