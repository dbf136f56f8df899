import { InitialSchema1700000000000 } from "./1700000000000-initial-schema.js";
import { ComplianceCoveringIndexes1700000001000 } from "./1700000001000-compliance-covering-indexes.js";
import { LetterSettings1700000003000 } from "./1700000003000-letter-settings.js";
import { PublicHolidays2025And20261700000004000 } from "./1700000004000-public-holidays-2025-2026.js";
import { AuditEntries1700000006000 } from "./1700000006000-audit-entries.js";
import { OutstandingCasesIndex1700000008000 } from "./1700000008000-outstanding-cases-index.js";

/** Every migration, oldest first; the data source runs the pending ones at start-up. */
export const MIGRATIONS = [
  InitialSchema1700000000000,
  ComplianceCoveringIndexes1700000001000,
  LetterSettings1700000003000,
  PublicHolidays2025And20261700000004000,
  AuditEntries1700000006000,
  OutstandingCasesIndex1700000008000,
];
