import { ApiToken } from "./api-token.entity.js";
import { AuditEntry } from "./audit-entry.entity.js";
import { Apology } from "./apology.entity.js";
import { Case } from "./case.entity.js";
import { Directive } from "./directive.entity.js";
import { HpNetTask } from "./hpnet-task.entity.js";
import { Holiday } from "./holiday.entity.js";
import { Unit } from "./unit.entity.js";

export { ApiToken, Apology, AuditEntry, Case, Directive, HpNetTask, Holiday, Unit };

export const ENTITIES = [Unit, Directive, Case, Apology, HpNetTask, Holiday, ApiToken, AuditEntry];
