import type { DataSource } from "typeorm";
import { scopeWindow } from "../domain/compliance.js";
import { Directive } from "../entities/directive.entity.js";
import { Unit } from "../entities/unit.entity.js";
import { NotFoundError } from "../graphql/errors.js";
import { parseId } from "../services/directives.js";
import type { ExportScope } from "./import-format-export.js";

export interface ResolvedExport {
  directive: Directive;
  unit: Unit | null;
  scope: ExportScope;
}

/** The directive and optional unit an export names; NOT_FOUND for either key that matches nothing. */
export async function resolveExport(db: DataSource, directiveId: string, unitCode?: string | null): Promise<ResolvedExport> {
  const id = parseId(directiveId);
  const directive = id === null ? null : await db.getRepository(Directive).findOneBy({ id });
  if (!directive) throw new NotFoundError(`No directive has id ${directiveId}.`);
  const code = unitCode?.trim().normalize("NFC") || null;
  const unit = code === null ? null : await db.getRepository(Unit).findOneBy({ code });
  if (code !== null && !unit) throw new NotFoundError(`No unit has code "${code}".`);
  return {
    directive,
    unit,
    scope: { window: scopeWindow(directive.periodStart, directive.periodEnd), unitId: unit?.id },
  };
}
