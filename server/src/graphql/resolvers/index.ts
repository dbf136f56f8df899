import { ApiTokenResolver } from "./api-token.resolver.js";
import { ApologyResolver } from "./apology.resolver.js";
import { AuditActorResolver, AuditLogResolver } from "./audit-log.resolver.js";
import { CaseResolver } from "./case.resolver.js";
import { DirectiveResolver } from "./directive.resolver.js";
import { DirectiveProgressResolver } from "./directive-progress.resolver.js";
import { ProgressChartResolver } from "./progress-chart.resolver.js";
import { DirectiveAssigneesResolver } from "./directive-assignees.resolver.js";
import { DocumentResolver } from "./document.resolver.js";
import { DocumentContentResolver } from "./document-content.resolver.js";
import { HolidayResolver } from "./holiday.resolver.js";
import { HpNetTaskResolver } from "./hpnet-task.resolver.js";
import { ImportExportResolver } from "./import-export.resolver.js";
import { ImportResolver } from "./import.resolver.js";
import { UnitResolver } from "./unit.resolver.js";

/** Every resolver of the schema; a new one is added here. */
export const RESOLVERS = [
  UnitResolver,
  DirectiveResolver,
  DirectiveProgressResolver,
  ProgressChartResolver,
  DirectiveAssigneesResolver,
  CaseResolver,
  ApologyResolver,
  HpNetTaskResolver,
  HolidayResolver,
  ApiTokenResolver,
  ImportResolver,
  ImportExportResolver,
  DocumentResolver,
  DocumentContentResolver,
  AuditLogResolver,
  AuditActorResolver,
] as const;
